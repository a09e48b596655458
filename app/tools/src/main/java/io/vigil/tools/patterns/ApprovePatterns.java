package io.vigil.tools.patterns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.tools.Terminal;
import io.vigil.tools.http.VigilUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code patterns approve FILE [--publish]}: approves each submitted draft of the file's patterns and, with
 * {@code --publish}, publishes it in the file's mode. Vigil refuses an approval by the draft's author, so this runs
 * with another key than the import.
 */
@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = {
            "Approves the submitted drafts of the patterns in FILE (the key must not be the one that imported them:"
                    + " Vigil refuses an approval by a draft's author) and, with --publish, publishes each in the"
                    + " mode the file gives (active when it gives none). A pattern that is live and unchanged gets"
                    + " the file's mode. Prints one line per pattern."
        })
final class ApprovePatterns extends PatternAction {

    @Parameters(paramLabel = "FILE", description = "the file that was imported")
    private Path file;

    @Option(names = "--publish", description = "publish each approved draft too")
    private boolean publish;

    @Option(names = "--comment", paramLabel = "TEXT", description = "the comment (default: approved from FILE)")
    private String comment;

    ApprovePatterns(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run() throws VigilUnavailableException, InterruptedException, IOException {
        return eachPatternOf(file, comment, "approved from", this::approveOne);
    }

    private String approveOne(PatternFile.Entry entry, String why)
            throws VigilUnavailableException, InterruptedException, IOException {
        JsonNode pattern = find(entry.id());
        if (pattern == null) {
            say(entry.id() + ": Vigil has no such pattern; import the file first");
            return "refused";
        }
        String mode = entry.mode() == null ? "active" : entry.mode();
        ObjectNode comment = PatternFile.JSON.createObjectNode().put("comment", why);
        String state = pattern.path("draftState").asText();
        String done = "left as it is (draft " + state + ")";
        if (state.equals("submitted")) {
            if (!step(entry.id(), "approve", comment)) {
                return "refused";
            }
            state = "approved";
            done = "approved";
        }
        if (!publish) {
            return done;
        }
        if (state.equals("approved")) {
            return step(entry.id(), "publish", comment.deepCopy().put("mode", mode)) ? "published " + mode : "refused";
        }
        if (state.equals("none") && !mode.equals(pattern.path("mode").asText())) {
            return step(entry.id(), "mode", comment.deepCopy().put("mode", mode)) ? "mode " + mode : "refused";
        }
        return done;
    }
}
