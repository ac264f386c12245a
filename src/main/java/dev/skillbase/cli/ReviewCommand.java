package dev.skillbase.cli;

import dev.skillbase.account.User;
import dev.skillbase.account.UserNotFoundException;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Registry;
import dev.skillbase.registry.Review;
import dev.skillbase.registry.ReviewInput;
import dev.skillbase.registry.SkillRef;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skillbase review NS/NAME --rating N --title TEXT}: writes (or rewrites) the user's review of a skill. */
@Command(
        name = "review",
        mixinStandardHelpOptions = true,
        description = {
            "Reviews a skill: a rating from 1 to 5, a title and an optional body. A user has one review per skill: "
                    + "reviewing it again replaces the review.",
            "With --registry, the review is the token's user's (a token with scope publish). On a database, it is "
                    + "--user's, created in the database when missing."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:no such skill or version, or the server refused the review",
            "2:usage error (rating not 1-5, empty or over-long title, --user with --registry)",
            "3:environment error (database or registry unreachable, credentials refused)"
        })
final class ReviewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DbOption db;

    @Mixin
    JsonOption json;

    @Parameters(index = "0", paramLabel = "NS/NAME[@VERSION]",
            description = "The skill, and the version reviewed (one of the skill's) when given.")
    String skill;

    @Option(names = "--rating", required = true, paramLabel = "N", description = "From 1 (poor) to 5 (excellent).")
    int rating;

    @Option(names = "--title", required = true, paramLabel = "TEXT", description = "1 to 200 characters.")
    String title;

    @Option(names = "--body", paramLabel = "TEXT", description = "The review itself (at most 10,000 characters).")
    String body = "";

    @Option(names = "--user", paramLabel = "NAME",
            description = "On a database: who reviews (default: the operating-system user). Not with --registry.")
    String user;

    @Override
    public Integer call() {
        SkillReference reference = SkillReference.parse(skill);
        SkillRef ref = reference.ref();
        ReviewInput input;
        try {
            input = new ReviewInput(rating, title, body, reference.version());
        } catch (dev.skillbase.registry.InvalidReviewException e) {
            throw new UsageException(e.getMessage().replace("rating ", "--rating ").replace("title ", "--title ")
                    .replace("body ", "--body "));
        }
        Review.Saved saved;
        try (Registry registry = db.open()) {
            if (registry instanceof LocalRegistry local) {
                saved = local.reviews().save(reviewer(local).id(), ref, input);
            } else if (user != null) {
                throw new UsageException("--user is for a database: with --registry, the token says who reviews");
            } else {
                saved = registry.review(ref, input);
            }
        }
        print(saved);
        return ExitCodes.OK;
    }

    /** --user, else the operating-system user; created when the database does not have them. */
    private User reviewer(LocalRegistry local) {
        String name = user != null ? user : System.getProperty("user.name", "").toLowerCase(Locale.ROOT);
        try {
            return local.accounts().user(name);
        } catch (UserNotFoundException e) {
            return local.accounts().createUser(name, false);
        }
    }

    private void print(Review.Saved saved) {
        Review r = saved.review();
        PrintWriter out = spec.commandLine().getOut();
        if (json.enabled) {
            Json.print(out, new ReviewJson(r.id(), r.skill().toString(), r.author(), r.rating(), r.title(), r.body(),
                    r.version().orElse(null), saved.created() ? "created" : "replaced"));
            return;
        }
        out.println((saved.created() ? "reviewed " : "replaced the review of ") + r.skill() + " as " + r.author()
                + ": " + "*".repeat(r.rating()) + " " + r.title() + " (review " + r.id() + ")");
        out.flush();
    }

    record ReviewJson(long id, String skill, String author, int rating, String title, String body, String version,
            String outcome) {
    }
}
