package io.switchboard.cli.internal;

import org.eclipse.osgi.util.NLS;

public final class Messages extends NLS {

    private static final String BUNDLE_NAME = "io.switchboard.cli.internal.messages"; //$NON-NLS-1$

    public static String Arguments_missingValue;
    public static String Arguments_unknownOption;
    public static String Arguments_notANumber;
    public static String Arguments_tooSmall;
    public static String Arguments_missingArgument;
    public static String Arguments_unexpectedArgument;
    public static String Arguments_badLimit;
    public static String Output_stdoutFailed;
    public static String Output_alreadyImported;
    public static String CliApplication_notReady;
    public static String CommandLine_usage;
    public static String CommandLine_description;
    public static String CommandLine_commands;
    public static String CommandLine_globalOptions;
    public static String CommandLine_optionDataDir;
    public static String CommandLine_optionNl;
    public static String CommandLine_optionHelp;
    public static String CommandLine_noCommand;
    public static String CommandLine_groupUsage;
    public static String CommandLine_seeCommandHelp;
    public static String CommandLine_missingCommand;
    public static String CommandLine_unknownCommand;
    public static String CommandLine_internalError;
    public static String InfoCommand_summary;
    public static String InfoCommand_usage;
    public static String Arguments_outOfRange;

    static {
        NLS.initializeMessages(BUNDLE_NAME, Messages.class);
    }

    private Messages() {
    }
}
