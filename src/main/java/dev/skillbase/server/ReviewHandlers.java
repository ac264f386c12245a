package dev.skillbase.server;

import dev.skillbase.account.Access;
import dev.skillbase.account.AccessDeniedException;
import dev.skillbase.account.Principal;
import dev.skillbase.account.Role;
import dev.skillbase.registry.LocalRegistry;
import dev.skillbase.registry.Page;
import dev.skillbase.registry.Review;
import dev.skillbase.registry.ReviewInput;
import dev.skillbase.registry.ReviewNotFoundException;
import dev.skillbase.registry.SkillDetails;
import dev.skillbase.registry.SkillRef;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reviews of a skill under {@code /api/v1/skills/{namespace}/{name}/reviews}: list and read them (whoever may read
 * the skill), write one's own (one per user per skill: {@code POST} creates it, or replaces the one written before;
 * {@code PUT} and {@code PATCH} change it by id), and remove one (its author, or a moderator: an admin or an owner of
 * the skill's namespace; a moderator's removal is audited). Writing needs a token with scope {@code publish}. Order of
 * checks: a token (401), the skill visible to the caller (404), scope and rights (403), then the body (415, 400, 422).
 */
final class ReviewHandlers {
    private static final Set<String> FIELDS = Set.of("rating", "title", "body", "version");
    private static final int DEFAULT_LIMIT = 20;

    private final LocalRegistry registry;
    private final Access access;
    private final Supplier<Links> links;

    ReviewHandlers(LocalRegistry registry, Access access, Supplier<Links> links) {
        this.registry = registry;
        this.access = access;
        this.links = links;
    }

    record ReviewView(long id, String namespace, String name, String author, int rating, String title, String body,
            String version, Instant createdAt, Instant updatedAt) {
        static ReviewView of(Review r) {
            return new ReviewView(r.id(), r.skill().namespace(), r.skill().name(), r.author(), r.rating(), r.title(),
                    r.body(), r.version().orElse(null), r.createdAt(), r.updatedAt());
        }
    }

    record ReviewPage(java.util.List<ReviewView> items, long total, int limit, int offset,
            WireViews.RatingView rating) {
    }

    /** {@code GET .../reviews?limit=&offset=}: most recently written first, with the skill's rating. */
    void list(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        SkillDetails skill = registry.skill(ref, Callers.viewer(ctx)).orElseThrow(() -> new SkillNotFoundException(ref));
        int limit = Optional.ofNullable(ctx.queryParam("limit"))
                .map(v -> ListRequest.integer(v, "limit", 1, 100)).orElse(DEFAULT_LIMIT);
        int offset = Optional.ofNullable(ctx.queryParam("offset"))
                .map(v -> ListRequest.integer(v, "offset", 0, 100_000)).orElse(0);
        Page<Review> page = registry.reviews().list(ref, limit, offset);
        ctx.json(new ReviewPage(page.items().stream().map(ReviewView::of).toList(), page.total(), limit, offset,
                WireViews.RatingView.of(skill.rating())));
    }

    /** {@code GET .../reviews/{id}}. */
    void get(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        registry.skill(ref, Callers.viewer(ctx)).orElseThrow(() -> new SkillNotFoundException(ref));
        long id = id(ctx);
        ctx.json(ReviewView.of(registry.reviews().find(ref, id)
                .orElseThrow(() -> new ReviewNotFoundException(ref, id))));
    }

    /** {@code POST .../reviews}: the caller's review, 201 when created, 200 when it replaced their earlier one. */
    void create(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        Principal caller = writer(ctx, ref, "reviewing " + ref);
        ReviewInput input = input(JsonBody.read(ctx, FIELDS), Optional.empty());
        Review.Saved saved = registry.reviews().save(caller.user().id(), ref, input);
        ctx.header("Location", links.get().skill(ref) + "/reviews/" + saved.review().id());
        ctx.status(saved.created() ? 201 : 200).json(ReviewView.of(saved.review()));
    }

    /** {@code PUT .../reviews/{id}}: replaces the caller's own review (rating and title required). */
    void replace(Context ctx) {
        change(ctx, false);
    }

    /** {@code PATCH .../reviews/{id}}: changes the fields given of the caller's own review. */
    void patch(Context ctx) {
        change(ctx, true);
    }

    private void change(Context ctx, boolean partial) {
        SkillRef ref = PathParams.ref(ctx);
        Principal caller = writer(ctx, ref, "changing a review of " + ref);
        long id = id(ctx);
        Review review = registry.reviews().find(ref, id).orElseThrow(() -> new ReviewNotFoundException(ref, id));
        if (!review.author().equals(caller.user().name())) {
            throw new AccessDeniedException("review " + id + " is " + review.author()
                    + "'s: only its author can change it");
        }
        ReviewInput input = input(JsonBody.read(ctx, FIELDS), partial ? Optional.of(review) : Optional.empty());
        ctx.json(ReviewView.of(registry.reviews().replace(ref, id, input)));
    }

    /** {@code DELETE .../reviews/{id}}: its author, or a moderator (admin, owner of the namespace); 204. */
    void delete(Context ctx) {
        SkillRef ref = PathParams.ref(ctx);
        Principal caller = writer(ctx, ref, "removing a review of " + ref);
        long id = id(ctx);
        Review review = registry.reviews().find(ref, id).orElseThrow(() -> new ReviewNotFoundException(ref, id));
        boolean moderated = !review.author().equals(caller.user().name());
        if (moderated) {
            access.requireRole(caller, ref.namespace(), Role.OWNER, "removing " + review.author()
                    + "'s review of " + ref);
        }
        registry.reviews().remove(ref, id, moderated);
        ctx.status(204);
    }

    /** A token (401), the skill visible to its holder (404), a token that may make changes (403). */
    private Principal writer(Context ctx, SkillRef ref, String action) {
        Principal caller = Access.require(Callers.of(ctx), action);
        registry.skill(ref, Access.viewer(Optional.of(caller))).orElseThrow(() -> new SkillNotFoundException(ref));
        Access.requirePublishScope(caller);
        return caller;
    }

    /**
     * The review in the body; a field left out keeps its value in {@code base} (a PATCH), else rating and title are
     * required. JSON null (or "") clears body and version.
     */
    private static ReviewInput input(JsonBody body, Optional<Review> base) {
        Optional<Integer> rating = body.integer("rating", Integer.MIN_VALUE, Integer.MAX_VALUE);
        Optional<String> title = body.text("title");
        Optional<String> text = body.text("body");
        Optional<String> version = body.text("version");
        if (base.isEmpty()) {
            if (rating.isEmpty() && !body.has("rating")) {
                body.error("rating", "rating-missing", "rating is required: a whole number from 1 to 5");
            }
            if (title.isEmpty() && !body.has("title")) {
                body.error("title", "title-missing", "title is required");
            }
        }
        body.done();
        return new ReviewInput(rating.orElseGet(() -> base.map(Review::rating).orElse(0)),
                title.orElseGet(() -> base.map(Review::title).orElse("")),
                body.isNull("body") ? "" : text.orElseGet(() -> base.map(Review::body).orElse("")),
                body.isNull("version") ? Optional.empty() : version.or(() -> base.flatMap(Review::version)));
    }

    private static long id(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("id", "invalid-id", "review id \"" + text + "\" is not a number");
        }
    }
}
