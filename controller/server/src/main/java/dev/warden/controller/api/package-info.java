/**
 * Shared REST plumbing: the one JSON error shape ({@link dev.warden.controller.api.ApiError}), the exceptions
 * services throw for invalid input (400), missing resources (404) and conflicts (409), their handlers, and
 * {@link dev.warden.controller.api.Input}, the checks every request body goes through.
 */
package dev.warden.controller.api;
