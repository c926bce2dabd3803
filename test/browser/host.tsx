/**
 * Entry of the browser-test host page: the stand-in first, then the real pane bootstrap, which
 * waits for Office.onReady and renders over the OfficeAdapter exactly as in Excel, and the ribbon's
 * commands, which associate their handlers as in the shared runtime.
 */
import "./install-host";
import "../../src/taskpane/index";
import "../../src/commands/commands";
