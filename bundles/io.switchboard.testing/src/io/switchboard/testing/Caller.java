package io.switchboard.testing;

import java.lang.StackWalker.Option;
import java.lang.StackWalker.StackFrame;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The test bundle that called into this one: services and sample files are looked up as that bundle sees them. */
final class Caller {

    private static final StackWalker WALKER = StackWalker.getInstance(Option.RETAIN_CLASS_REFERENCE);

    private Caller() {
    }

    static Bundle bundle() {
        Bundle self = FrameworkUtil.getBundle(Caller.class);
        return WALKER.walk(frames -> frames.map(StackFrame::getDeclaringClass)
                .map(FrameworkUtil::getBundle)
                .filter(bundle -> bundle != null && !bundle.equals(self))
                .findFirst()
                .orElse(self));
    }
}
