/*
 * Progressive enhancement only: every page works without this file.
 * After a failed form submission, move focus to the error summary so keyboard and screen
 * reader users start from the list of what to correct.
 */
(function () {
  "use strict";

  function focusErrorSummary() {
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
      summary.focus();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusErrorSummary);
  } else {
    focusErrorSummary();
  }
})();
