/**
 * Small types every layer may import: management commands ({@link io.callops.api.MiCommand},
 * {@link io.callops.api.CommandRegistry}) and their parameters and errors, and events
 * ({@link io.callops.api.EventType}, {@link io.callops.api.Event}, {@link io.callops.api.EventSink}). Nothing here does I/O.
 */
package io.callops.api;
