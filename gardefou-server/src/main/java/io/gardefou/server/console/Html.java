package io.gardefou.server.console;

import io.gardefou.account.Role;

/** The console's page frame and HTML escaping: server-rendered pages from Java text blocks, no template engine. */
final class Html {
  private Html() {}

  static String esc(Object value) {
    String text = String.valueOf(value);
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A page with the navigation the role may use. */
  static String page(String title, Sessions.Session session, String body) {
    StringBuilder nav = new StringBuilder();
    if (session != null) {
      Role role = session.role();
      if (role == Role.ADMIN || role == Role.AUDITOR) {
        nav.append("<a href=\"/console/dashboard\">Dashboard</a><a href=\"/console/ledger\">Ledger</a>");
      }
      if (role == Role.ADMIN || role == Role.MODERATOR) {
        nav.append("<a href=\"/console/queue\">Review queue</a><a href=\"/console/takedowns\">Take-downs</a>"
            + "<a href=\"/console/actors\">Actors</a>");
      }
      if (role == Role.ADMIN) {
        nav.append("<a href=\"/console/banks\">Hash banks</a><a href=\"/console/policy\">Policy</a>");
      }
      nav.append("<form method=\"post\" action=\"/console/logout\" class=\"inline\">").append(csrf(session))
          .append("<button>Log out (").append(esc(role.wireName())).append(")</button></form>");
    }
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>%s · Garde-fou</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <link rel="stylesheet" href="/console/assets/console.css"></head>
        <body><header><strong>Garde-fou</strong><nav>%s</nav></header>
        <main><h1>%s</h1>
        %s
        </main><script src="/console/assets/console.js"></script></body></html>
        """.formatted(esc(title), nav, esc(title), body);
  }

  static String csrf(Sessions.Session session) {
    return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(session.csrf()) + "\">";
  }
}
