package dev.hpsearch.app.gui.cluster;

import dev.hpsearch.app.service.ConnectionPrompts;
import dev.hpsearch.ssh.transport.HostKeyDecision;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.UnknownHostKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * SSH's questions as dialogs. SSH calls these on a background thread; each question is shown on the FX thread and
 * only the background thread waits for the answer. Called on the FX thread itself (a programming error: the FX
 * thread never waits on SSH), a host key is rejected and no secret is given. Answers are not kept.
 */
public final class FxSshPrompts implements ConnectionPrompts {
    public static final ButtonType ACCEPT_ONCE = new ButtonType("Accept once", ButtonBar.ButtonData.OTHER);
    public static final ButtonType ACCEPT_AND_SAVE = new ButtonType("Accept and save", ButtonBar.ButtonData.OK_DONE);
    public static final ButtonType REJECT = new ButtonType("Reject", ButtonBar.ButtonData.CANCEL_CLOSE);

    private final Window owner;

    public FxSshPrompts(Window owner) {
        this.owner = owner;
    }

    @Override
    public HostKeyAnswer unknownHostKey(HostKey key) {
        HostKeyAnswer d = onFx(() -> {
            Alert a = new Alert(Alert.AlertType.WARNING, "", ACCEPT_ONCE, ACCEPT_AND_SAVE, REJECT);
            a.initOwner(owner);
            a.setTitle("Unknown host key");
            a.setHeaderText("The authenticity of " + key.host() + (key.port() == 22 ? "" : " (port " + key.port()
                    + ")") + " can't be established.\nCheck the fingerprint with the cluster's admins before you accept.");
            GridPane g = new GridPane();
            g.setHgap(10);
            g.setVgap(6);
            g.addRow(0, new Label("Host"), selectable("hostKeyHost", key.host() + ":" + key.port()));
            g.addRow(1, new Label("Key type"), selectable("hostKeyType", key.keyType()));
            g.addRow(2, new Label("Fingerprint"), selectable("hostKeyFingerprint", key.fingerprint()));
            g.addRow(3, new Label("Saved to"), selectable("hostKeyFile", String.valueOf(key.knownHosts())));
            a.getDialogPane().setContent(g);
            a.getDialogPane().setId("hostKeyDialog");
            a.getDialogPane().lookupButton(ACCEPT_ONCE).setId("acceptOnceButton");
            a.getDialogPane().lookupButton(ACCEPT_AND_SAVE).setId("acceptAndSaveButton");
            a.getDialogPane().lookupButton(REJECT).setId("rejectHostKeyButton");
            // nothing pre-selected: Enter must not trust a key
            ((javafx.scene.control.Button) a.getDialogPane().lookupButton(ACCEPT_AND_SAVE)).setDefaultButton(false);
            ButtonType b = a.showAndWait().orElse(REJECT);
            return b == ACCEPT_ONCE ? HostKeyAnswer.ACCEPT_ONCE
                    : b == ACCEPT_AND_SAVE ? HostKeyAnswer.ACCEPT_AND_SAVE : HostKeyAnswer.REJECT;
        });
        return d == null ? HostKeyAnswer.REJECT : d;
    }

    private static TextField selectable(String id, String text) {
        TextField t = new TextField(text);
        t.setId(id);
        t.setEditable(false);
        t.setPrefColumnCount(Math.max(20, text.length()));
        return t;
    }

    @Override
    public String userName(String host, int port) {
        return onFx(() -> {
            TextInputDialog d = new TextInputDialog();
            d.initOwner(owner);
            d.setTitle("User name");
            d.setHeaderText("Your user name on " + host + (port == 22 ? "" : " (port " + port + ")")
                    + "\nThe cluster profile does not give one; save it in the profile to skip this question.");
            d.setContentText("User");
            d.getDialogPane().setId("userNameDialog");
            d.getEditor().setId("userNameField");
            return d.showAndWait().map(String::strip).filter(u -> !u.isEmpty()).orElse(null);
        });
    }

    @Override
    public char[] passphrase(String keyFile, int attempt) {
        return secret("Passphrase", "The key " + keyFile + " is protected by a passphrase."
                + (attempt > 0 ? "\nThat was not it: try again." : ""), "Passphrase");
    }

    @Override
    public char[] password(String user, String host, int attempt) {
        return secret("Password", "Password for " + user + "@" + host + (attempt > 0 ? "\nThat was not it: try again." : ""),
                "Password");
    }

    @Override
    public List<String> keyboardInteractive(String user, String host, String name, String instruction,
                                            List<Prompt> prompts) {
        return onFx(() -> {
            Dialog<List<String>> d = new Dialog<>();
            d.initOwner(owner);
            d.setTitle(name == null || name.isBlank() ? "Sign in" : name);
            d.setHeaderText(user + "@" + host + (instruction == null || instruction.isBlank() ? "" : "\n" + instruction));
            GridPane g = new GridPane();
            g.setHgap(10);
            g.setVgap(6);
            List<TextField> fields = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                TextField f = prompts.get(i).echo() ? new TextField() : new PasswordField();
                f.setId("interactiveField" + i);
                fields.add(f);
                g.addRow(i, new Label(prompts.get(i).text()), f);
            }
            d.getDialogPane().setContent(g);
            d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            d.setResultConverter(b -> b == ButtonType.OK ? fields.stream().map(TextField::getText).toList() : null);
            List<String> answers = d.showAndWait().orElse(null);
            fields.forEach(TextField::clear);
            return answers;
        });
    }

    private char[] secret(String title, String header, String label) {
        return onFx(() -> {
            Dialog<char[]> d = new Dialog<>();
            d.initOwner(owner);
            d.setTitle(title);
            d.setHeaderText(header);
            PasswordField field = new PasswordField();
            field.setId("secretField");
            GridPane g = new GridPane();
            g.setHgap(10);
            g.addRow(0, new Label(label), field);
            d.getDialogPane().setContent(g);
            d.getDialogPane().setId("secretDialog");
            d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
            d.setResultConverter(b -> b == ButtonType.OK ? field.getText().toCharArray() : null);
            Platform.runLater(field::requestFocus);
            char[] answer = d.showAndWait().orElse(null);
            field.clear();
            return answer;
        });
    }

    /** Runs a dialog on the FX thread and waits for it on this one; {@code null} if that is impossible. */
    private static <T> T onFx(java.util.concurrent.Callable<T> dialog) {
        if (Platform.isFxApplicationThread()) {
            return null;
        }
        FutureTask<T> task = new FutureTask<>(dialog);
        Platform.runLater(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }
}
