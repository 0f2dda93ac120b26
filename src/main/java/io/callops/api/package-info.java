/**
 * Small types every layer may import: management commands ({@link io.callops.api.MiCommand},
 * {@link io.callops.api.CommandRegistry}) and their parameters and errors. Nothing here does I/O.
 */
package io.callops.api;
