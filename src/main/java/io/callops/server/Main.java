package io.callops.server;

/** Entry point of the callops proxy. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        String version = Main.class.getPackage().getImplementationVersion();
        System.out.println("callops " + (version == null ? "dev" : version));
    }
}
