package io.switchboard.cli;

/**
 * The texts a command bundle uses for problems with the files it is given, in the user's language. The checks
 * are the same for every command ({@link InputFile}); the wording stays with the bundle that shows it.
 *
 * @param badPath     the word is no file name; bound to the word
 * @param cannotRead  a file cannot be read; bound to the name given and the reason
 * @param noSuchFile  reason: the file does not exist
 * @param isFolder    reason: the name is a folder's
 * @param notReadable reason: permission denied
 */
public record FileMessages(String badPath, String cannotRead, String noSuchFile, String isFolder, String notReadable) {
}
