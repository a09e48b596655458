package io.vigil.access.security;

import io.vigil.access.api.Role;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;

/**
 * Who may reach which console path: the one table the console's filter chain applies, docs/access.md shows and the
 * tests check. The first rule that matches a request decides; a request no rule matches is for admins, so a new
 * action nobody listed is closed rather than open. Every user has a role, and each role may do what the roles below
 * it may ({@link Role}).
 */
public final class ConsolePermissions {

    /**
     * One line of the table.
     *
     * @param action what the paths are for, as docs/access.md says it
     * @param method the HTTP method, or {@code null} for every method
     * @param role the least role needed, or {@code null} when the paths are open to anyone, signed in or not
     * @param paths Ant-style path patterns ({@code *} one segment, {@code **} any number)
     */
    public record Rule(String action, HttpMethod method, Role role, List<String> paths) {

        public Rule {
            paths = List.copyOf(paths);
        }

        /** The table's row in docs/access.md. */
        String markdownRow() {
            return "| " + action + " | " + (method == null ? "any" : method.name()) + " | "
                    + paths.stream().map(p -> "`" + p + "`").collect(Collectors.joining(" ")) + " | "
                    + (role == null ? "anyone" : role.wireName()) + " |";
        }
    }

    /** Any request that no rule matches: admins only. */
    public static final Role FALLBACK = Role.ADMIN;

    public static final List<Rule> RULES = List.of(
            open(
                    "Sign in; style sheets and scripts; error pages",
                    null,
                    "/login",
                    "/css/**",
                    "/js/**",
                    "/webjars/**",
                    "/favicon.ico",
                    "/error",
                    "/access-denied"),
            open(
                    "Single sign-on: off to the provider and back (when one is configured)",
                    null,
                    "/oauth2/authorization/*",
                    "/login/oauth2/code/*"),
            open(
                    "An alert's chart, which Slack fetches from the link in a notification",
                    HttpMethod.GET,
                    "/charts/alert.png"),
            new Rule("Change one's own password; sign out", null, Role.VIEWER, List.of("/account/password", "/logout")),
            new Rule(
                    "Manage users: create, change role, disable, enable, reset password",
                    null,
                    Role.ADMIN,
                    List.of("/users", "/users/**")),
            new Rule("API keys: create, list, revoke", null, Role.ADMIN, List.of("/keys", "/keys/**")),
            new Rule("The audit trail: search and export", null, Role.ADMIN, List.of("/admin", "/admin/**")),
            new Rule(
                    "Create, pause, resume and delete monitors",
                    HttpMethod.POST,
                    Role.OPERATOR,
                    List.of("/monitors", "/monitors/*/pause", "/monitors/*/resume", "/monitors/*/delete")),
            new Rule(
                    "Acknowledge, resolve, silence and unsilence alerts; send a failed notification again",
                    HttpMethod.POST,
                    Role.OPERATOR,
                    List.of("/alerts/**")),
            new Rule(
                    "Approve or reject a pattern's draft, publish it; set a pattern's mode, roll it back, archive it",
                    HttpMethod.POST,
                    Role.APPROVER,
                    List.of(
                            "/patterns/*/approve",
                            "/patterns/*/reject",
                            "/patterns/*/publish",
                            "/patterns/*/mode",
                            "/patterns/*/rollback",
                            "/patterns/*/archive")),
            new Rule(
                    "Approve a risk model version, promote it, put it in shadow or stop the shadow; roll the model back",
                    HttpMethod.POST,
                    Role.APPROVER,
                    List.of(
                            "/models/*/approve",
                            "/models/*/promote",
                            "/models/*/shadow",
                            "/models/shadow/stop",
                            "/models/rollback")),
            new Rule(
                    "Train the risk model: start and cancel a training, register a completed one as a candidate version",
                    HttpMethod.POST,
                    Role.ANALYST,
                    List.of("/models/trainings", "/models/trainings/*/cancel", "/models/trainings/*/register")),
            new Rule(
                    "Write patterns: create one, save and submit its draft, check an expression, test it on a"
                            + " transaction, start and cancel a backtest",
                    HttpMethod.POST,
                    Role.ANALYST,
                    List.of(
                            "/patterns",
                            "/patterns/check",
                            "/patterns/test",
                            "/patterns/*/draft",
                            "/patterns/*/submit",
                            "/patterns/*/backtests",
                            "/patterns/*/backtests/*/cancel")),
            new Rule(
                    "Work reviews: claim or release a transaction decided review, approve or decline it with a reason",
                    HttpMethod.POST,
                    Role.ANALYST,
                    List.of("/reviews/*/claim", "/reviews/*/release", "/reviews/*/decision")),
            new Rule(
                    "Read the review queue and each transaction's review page",
                    HttpMethod.GET,
                    Role.ANALYST,
                    List.of("/reviews", "/reviews/**")),
            new Rule(
                    "Read patterns: the list, the editor, a pattern's versions, diffs and history",
                    HttpMethod.GET,
                    Role.ANALYST,
                    List.of("/patterns", "/patterns/**")),
            new Rule(
                    "Read the risk model: its versions, their metrics and who trained and approved them",
                    HttpMethod.GET,
                    Role.ANALYST,
                    List.of("/models", "/models/**")),
            new Rule(
                    "Define and archive analyst features",
                    HttpMethod.POST,
                    Role.ANALYST,
                    List.of("/features", "/features/*/archive")),
            new Rule("Read the analyst features", HttpMethod.GET, Role.ANALYST, List.of("/features", "/features/**")),
            new Rule(
                    "Read the allow and block lists: their entries, expiries and who listed them",
                    HttpMethod.GET,
                    Role.ANALYST,
                    List.of("/lists", "/lists/**")),
            new Rule(
                    "Read every page: live traffic, monitors and backtests, series, alerts, charts, API reference",
                    HttpMethod.GET,
                    Role.VIEWER,
                    List.of("/**")));

    private ConsolePermissions() {}

    private static Rule open(String action, HttpMethod method, String... paths) {
        return new Rule(action, method, null, List.of(paths));
    }

    /** The table as docs/access.md shows it, the fallback last. */
    public static String markdown() {
        StringBuilder table =
                new StringBuilder("| Console action | Method | Paths | Least role |\n| --- | --- | --- | --- |\n");
        RULES.forEach(rule -> table.append(rule.markdownRow()).append('\n'));
        table.append("| Anything else: a state change no line lists | any | any other path | ")
                .append(FALLBACK.wireName())
                .append(" |\n");
        return table.toString();
    }
}
