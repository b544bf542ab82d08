package io.chainlake.ads.alert;

/** An alert the webhook did not accept: names the alert, the endpoint, the attempts made and the last reason. */
public final class WebhookDeliveryException extends RuntimeException {

    public WebhookDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
