/** Commands published on {@code wafleet.commands}, under the sealed root {@link io.wafleet.common.command.Command}. */
package io.wafleet.common.command;
