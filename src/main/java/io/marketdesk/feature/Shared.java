package io.marketdesk.feature;

import io.marketdesk.audit.AuditLog;
import io.marketdesk.calendar.WorkingDayCalendar;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.config.Config;
import io.marketdesk.confirm.Confirmations;
import io.marketdesk.identity.Directory;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.template.Templates;
import io.marketdesk.token.Tokens;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The parts every feature may be built from, made once by the app before any feature. A feature's
 * factory takes this and, by name, the services of the other features it uses; it never looks one
 * up. {@code commands} and {@code confirmations} are passed for the handlers that consult them (the
 * reply to a list, the team's command names); features add to them only through their
 * {@link Contribution}.
 */
public record Shared(Config config, Clock clock, Jdbi jdbi, Templates templates, Tokens tokens, AuditLog audit,
    Directory directory, Mailer mailer, WorkingDayCalendar calendar, CommandRegistry commands,
    Confirmations confirmations) {}
