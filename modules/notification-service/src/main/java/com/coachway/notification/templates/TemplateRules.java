package com.coachway.notification.templates;

import com.coachway.common.http.FieldError;

import java.util.ArrayList;
import java.util.List;

/** What a template must be, beyond what the contract says of each field. */
public final class TemplateRules {
    public static final String EMAIL = "email";
    public static final String SMS = "sms";

    private TemplateRules() {
    }

    /** An email has a subject and an SMS has none; both texts must compile. */
    public static List<FieldError> problems(String channel, String subject, String body) {
        var errors = new ArrayList<FieldError>();
        if (EMAIL.equals(channel) && (subject == null || subject.isBlank())) {
            errors.add(new FieldError("subject", "is required for an email template"));
        }
        if (SMS.equals(channel) && subject != null) {
            errors.add(new FieldError("subject", "must be absent for an sms template: a text message has no subject"));
        }
        if (subject != null) Rendering.problemIn(subject).ifPresent(p -> errors.add(new FieldError("subject", p)));
        if (body != null) Rendering.problemIn(body).ifPresent(p -> errors.add(new FieldError("body", p)));
        return errors;
    }
}
