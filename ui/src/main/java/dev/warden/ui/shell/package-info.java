/**
 * The frame around every signed-in view: the header with the operator, their roles, the navigation and sign-out
 * ({@link dev.warden.ui.shell.ConsoleLayout}), and what all views share to show values the same way: site-local
 * times ({@link dev.warden.ui.shell.SiteTime}) and coloured status badges ({@link dev.warden.ui.shell.StatusBadges}).
 */
package dev.warden.ui.shell;
