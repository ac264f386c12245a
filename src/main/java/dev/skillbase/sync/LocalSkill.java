package dev.skillbase.sync;

import java.util.Optional;

/**
 * A skill in the synced folder: its name, folder, content digest and the stamp taken before it was read. The
 * candidate (its parsed files) is there when the folder was read; a folder whose stamp matches the last sync's is not
 * read at all, and its digest is the one the state recorded.
 */
record LocalSkill(String name, String path, String digest, String stamp, Optional<Candidate> candidate) {
}
