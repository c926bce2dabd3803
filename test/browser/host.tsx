/**
 * Entry of the browser-test host page: the stand-in first, then the real pane bootstrap, which
 * waits for Office.onReady and renders over the OfficeAdapter exactly as in Excel.
 */
import "./install-host";
import "../../src/taskpane/index";
