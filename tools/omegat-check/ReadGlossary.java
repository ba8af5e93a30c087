// Reads a glossary file with OmegaT's own reader (the one its glossary pane uses) and prints each entry as
// source<TAB>target[<TAB>comment]. Usage: java -cp /usr/share/omegat/OmegaT.jar ReadGlossary.java FILE
import java.io.File;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderTSV;

public class ReadGlossary {
    public static void main(String[] args) throws Exception {
        for (GlossaryEntry entry : GlossaryReaderTSV.read(new File(args[0]), false)) {
            String comment = entry.getCommentText();
            System.out.println(entry.getSrcText() + "\t" + entry.getLocText() + (comment.isEmpty() ? "" : "\t" + comment));
        }
    }
}
