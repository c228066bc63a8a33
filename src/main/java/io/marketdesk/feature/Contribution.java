package io.marketdesk.feature;

import io.marketdesk.command.CommandHandler;
import io.marketdesk.command.CommandRegistry;
import io.marketdesk.confirm.Confirmable;
import io.marketdesk.schedule.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * What a feature adds to the app: its mail commands, the confirmations it asks for, the gates every
 * command passes, its routes, status-page sections, personal-page sections, timed jobs and demo
 * data. The app installs the contributions in the order it builds the features, which is also the
 * order of the help mail, the status page and the demo data. Immutable.
 */
public record Contribution(List<CommandHandler> commands, List<Confirmable> confirmables, List<CommandRegistry.Gate> gates,
    List<WebModule> web, List<StatusContributor> status, List<PersonalSection> personal, List<Scheduler.Job> jobs,
    List<DemoData.Loader> demo) {
  public Contribution {
    commands = List.copyOf(commands);
    confirmables = List.copyOf(confirmables);
    gates = List.copyOf(gates);
    web = List.copyOf(web);
    status = List.copyOf(status);
    personal = List.copyOf(personal);
    jobs = List.copyOf(jobs);
    demo = List.copyOf(demo);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** These contributions one after the other, each list in the given order. */
  public static Contribution concat(List<Contribution> parts) {
    Builder b = new Builder();
    for (Contribution c : parts) {
      b.commands.addAll(c.commands);
      b.confirmables.addAll(c.confirmables);
      b.gates.addAll(c.gates);
      b.web.addAll(c.web);
      b.status.addAll(c.status);
      b.personal.addAll(c.personal);
      b.jobs.addAll(c.jobs);
      b.demo.addAll(c.demo);
    }
    return b.build();
  }

  /** Collects a feature's contribution in the order its parts are named. Not thread-safe. */
  public static final class Builder {
    private final List<CommandHandler> commands = new ArrayList<>();
    private final List<Confirmable> confirmables = new ArrayList<>();
    private final List<CommandRegistry.Gate> gates = new ArrayList<>();
    private final List<WebModule> web = new ArrayList<>();
    private final List<StatusContributor> status = new ArrayList<>();
    private final List<PersonalSection> personal = new ArrayList<>();
    private final List<Scheduler.Job> jobs = new ArrayList<>();
    private final List<DemoData.Loader> demo = new ArrayList<>();

    private Builder() {}

    public Builder command(CommandHandler h) {
      commands.add(h);
      return this;
    }

    public Builder commands(List<? extends CommandHandler> hs) {
      commands.addAll(hs);
      return this;
    }

    public Builder confirmables(List<? extends Confirmable> cs) {
      confirmables.addAll(cs);
      return this;
    }

    public Builder confirmable(Confirmable c) {
      confirmables.add(c);
      return this;
    }

    public Builder gate(CommandRegistry.Gate g) {
      gates.add(g);
      return this;
    }

    public Builder web(WebModule m) {
      web.add(m);
      return this;
    }

    public Builder status(StatusContributor s) {
      status.add(s);
      return this;
    }

    public Builder personal(PersonalSection p) {
      personal.add(p);
      return this;
    }

    public Builder job(Scheduler.Job j) {
      jobs.add(j);
      return this;
    }

    public Builder demo(DemoData.Loader d) {
      demo.add(d);
      return this;
    }

    public Contribution build() {
      return new Contribution(commands, confirmables, gates, web, status, personal, jobs, demo);
    }
  }
}
