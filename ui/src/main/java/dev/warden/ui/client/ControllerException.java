package dev.warden.ui.client;

/** Why a call to the controller gave no answer the console can use. */
public abstract sealed class ControllerException extends RuntimeException
        permits ControllerUnavailableException, SessionRefusedException {

    ControllerException(String message, Throwable cause) {
        super(message, cause);
    }
}
