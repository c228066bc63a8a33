package io.marketdesk.product;

import io.marketdesk.app.DemoData;
import io.marketdesk.app.Wiring;
import io.marketdesk.audit.AuditLog;
import io.marketdesk.command.Actor;
import io.marketdesk.command.CommandContext;
import io.marketdesk.command.Language;
import io.marketdesk.command.Outcome;
import io.marketdesk.identity.Directory;
import io.marketdesk.outbox.Mailer;
import io.marketdesk.review.Review;
import io.marketdesk.review.Reviews;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The demo products (SPEC §10), made through the real workflow (submitted by the provider, decided
 * by the demo operator), so their versions, reviews, audit entries and mails are what a user would
 * have produced. Other features rely on these IDs:
 *
 * <pre>
 * P1001 alice ops       服务器运维托管          listed          (the orders demo uses it)
 * P1002 bob   ops       数据迁移服务            listed          (the orders demo uses it)
 * P1003 alice software  云帆 CRM 客户管理系统   listed, a revision (price, summary) in review
 * P1004 bob   software  北辰日志分析平台        listed
 * P1005 alice image     云帆 LAMP 一键部署镜像  in review, never listed
 * P1006 bob   image     北辰 Docker CE 镜像     listed
 * P1007 alice saas      云帆在线表单            delisted
 * P1008 bob   saas      北辰网站监控            listed
 * P1009 bob   ops       应急响应服务            rejected (never listed)
 * </pre>
 */
final class ProductDemo implements DemoData.Loader {
  private final Products products;
  private final Reviews reviews;
  private final Directory directory;
  private final Clock clock;
  private final Mailer mailer;
  private final AuditLog audit;

  ProductDemo(Products products, Reviews reviews, Wiring w) {
    this.products = products;
    this.reviews = reviews;
    this.directory = w.directory;
    this.clock = w.clock;
    this.mailer = w.mailer;
    this.audit = w.audit;
  }

  @Override
  public void load(Handle h) {
    CommandContext alice = ctx(h, DemoData.ALICE, Language.ZH);
    CommandContext bob = ctx(h, DemoData.BOB, Language.EN);
    CommandContext ops = ctx(h, DemoData.OPERATOR, Language.ZH);
    String p1 = listed(alice, ops, "服务器运维托管", "运维服务", "880", "次", "7x24 小时 Linux/Windows 服务器运维",
        "包括系统巡检、故障处理、性能调优和安全加固。\n每次服务含一份运维报告。");
    String p2 = listed(bob, ops, "数据迁移服务", "ops", "1,500", "次", "数据库与文件从自建机房迁移上云",
        "MySQL、PostgreSQL、对象存储迁移，含迁移方案与回滚预案。");
    String p3 = listed(alice, ops, "云帆 CRM 客户管理系统", "软件服务", "2,980", "年", "面向中小企业的客户管理软件",
        "客户、商机、合同与回款管理，支持移动端。");
    listed(bob, ops, "北辰日志分析平台", "software", "1,200", "套", "私有部署的日志检索与告警",
        "支持 10 亿条/天的日志检索，告警推送到邮件和企业微信。");
    submit(alice, "云帆 LAMP 一键部署镜像", "镜像服务", "99", "月", "Linux + Apache + MySQL + PHP 一键部署",
        "基于 CentOS Stream 9，预装常用 PHP 扩展。");
    listed(bob, ops, "北辰 Docker CE 镜像", "image", "49", "月", "预装 Docker CE 的 Ubuntu 镜像", "Ubuntu 22.04 + Docker CE 最新稳定版。");
    String p7 = listed(alice, ops, "云帆在线表单", "SaaS", "199", "月", "在线表单与问卷收集", "拖拽式表单设计，数据导出 Excel。");
    listed(bob, ops, "北辰网站监控", "saas", "39", "月", "网站可用性与性能监控", "全国 30 个监测点，1 分钟频率。");
    String p9 = submit(bob, "应急响应服务", "ops", "3,000", "次", "安全事件应急响应", "入侵排查、日志分析与加固建议。");
    decide(ops, p9, false, "请补充服务范围与响应时限说明。");
    Map<String, String> revision = new LinkedHashMap<>();
    revision.put("价格", "2,680");
    revision.put("简介", "面向中小企业的客户管理软件（年付优惠）");
    expectDone(products.update(alice, p3, revision), p3);
    expectDone(products.delist(alice, p7), p7);
    if (!p1.equals("P1001") || !p2.equals("P1002")) {
      throw new IllegalStateException("demo products must start at P1001 (alice) and P1002 (bob), got " + p1 + ", " + p2);
    }
  }

  private CommandContext ctx(Handle h, String address, Language lang) {
    Actor actor = directory.actor(h, address);
    return new CommandContext(h, actor, null, null, lang, List.of(), true, clock, mailer, audit);
  }

  private String listed(CommandContext who, CommandContext ops, String name, String type, String price, String unit,
      String summary, String description) {
    String id = submit(who, name, type, price, unit, summary, description);
    decide(ops, id, true, "");
    return id;
  }

  private String submit(CommandContext who, String name, String type, String price, String unit, String summary,
      String description) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("名称", name);
    f.put("服务类型", type);
    f.put("价格", price);
    f.put("计费单位", unit);
    f.put("简介", summary);
    f.put("详情", description);
    Products.Created c = products.create(who, f);
    expectDone(c.outcome(), name);
    return c.id();
  }

  private void decide(CommandContext ops, String id, boolean approve, String note) {
    Review r = reviews.openFor(ops.handle(), Products.REVIEW_KIND, id).orElseThrow();
    expectDone(reviews.decide(ops, r.id(), approve, note), id);
  }

  private static void expectDone(Outcome o, String id) {
    if (!o.done()) {
      throw new IllegalStateException("demo product " + id + ": " + o.message());
    }
  }
}
