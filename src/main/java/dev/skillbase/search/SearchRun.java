package dev.skillbase.search;

import dev.skillbase.registry.Page;
import dev.skillbase.registry.SearchHit;
import dev.skillbase.registry.SkillQuery;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The steps of a search, the same on both dialects: every word; when fewer than {@link FullTextSearch#ENOUGH}
 * skills have them all, any word; when that finds fewer than {@link FullTextSearch#FEW}, any word or a correction of
 * a word the vocabulary lacks ({@link SearchWords}), kept when it finds more. The fast path (a query that finds
 * enough) never reads the vocabulary.
 */
final class SearchRun {

    /** A dialect's ranked query of {@code words}, all of them required or any one enough. */
    interface Queries {
        RankedQuery of(List<String> words, boolean every);
    }

    /** The page found and the query that found it (its matches are those the facets count). */
    record Result(Page<SearchHit> page, RankedQuery query) {
    }

    private SearchRun() {
    }

    static Result run(Handle handle, SearchTerms terms, SkillQuery query, Queries queries) {
        if (terms.words().size() > 1) {
            RankedQuery all = queries.of(terms.requiredWords(), true);
            Page<SearchHit> page = all.run(handle, terms, query, FullTextSearch.ENOUGH);
            if (page.total() >= FullTextSearch.ENOUGH) {
                return new Result(page, all);
            }
        }
        RankedQuery any = queries.of(terms.words(), false);
        Result found = new Result(any.run(handle, terms, query, 0), any);
        if (found.page().total() >= FullTextSearch.FEW) {
            return found;
        }
        Map<String, List<String>> corrections = SearchWords.corrections(handle, terms.words());
        if (corrections.isEmpty()) {
            return found;
        }
        SearchTerms fixed = terms.corrected(corrections);
        RankedQuery corrected = queries.of(fixed.words(), false);
        Page<SearchHit> page = corrected.run(handle, fixed, query, 0);
        return page.total() > found.page().total() ? new Result(page, corrected) : found;
    }
}
