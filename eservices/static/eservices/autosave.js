/*
 * Saves an application as a draft in the background while the resident types, so that a closed
 * tab, a dead battery or a lost connection loses nothing (eservices/views.py, `autosave`).
 * A save is made three seconds after the last change, at least every 30 seconds while the
 * changes go on, and when the page is hidden or left. The answer's message ("Utkastet sparades
 * kl. 14.32.") goes to the form's status line, which screen readers read out politely. Files are
 * not sent: they are saved with "Spara utkast" or with the application.
 *
 * Progressive enhancement: without this file the buttons "Spara utkast" and "Skicka in
 * ansökan" work as before, and nothing else depends on it.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-autosave]");
  var status = document.getElementById("autosave-status");
  if (!form || !status || !window.fetch || !window.FormData) {
    return;
  }

  var QUIET_MS = 3000;
  var LONGEST_MS = 30000;
  var timer = null;
  var firstUnsaved = null;
  var saving = false;
  var again = false;
  var sent = false;

  function target() {
    // getAttribute: the submit buttons are named "action", which shadows form.action.
    return form.getAttribute("action") || window.location.href;
  }

  function body() {
    var data = new FormData(form);
    data.set("action", "autosave");
    form.querySelectorAll("input[type=file]").forEach(function (input) {
      data.delete(input.name);
    });
    return data;
  }

  function save(leaving) {
    window.clearTimeout(timer);
    timer = null;
    if (firstUnsaved === null || sent) {
      return;
    }
    if (saving && !leaving) {
      again = true;
      return;
    }
    firstUnsaved = null;
    saving = true;
    fetch(target(), {
      method: "POST",
      body: body(),
      credentials: "same-origin",
      headers: { Accept: "application/json" },
      redirect: "manual",
      keepalive: Boolean(leaving),
    })
      .then(function (response) {
        if (!response.ok) {
          return null; // signed out, or the server could not: "Spara utkast" still works
        }
        return response.json();
      })
      .then(function (answer) {
        if (!answer || !answer.saved) {
          return;
        }
        status.textContent = answer.message;
        if (answer.edit_url && target() !== answer.edit_url) {
          // From now on the form saves and sends the draft at its own address, and a reload
          // shows the draft.
          form.setAttribute("action", answer.edit_url);
          window.history.replaceState(null, "", answer.edit_url);
        }
      })
      .catch(function () {
        // Offline: the changes stay in the form, and the next change tries again.
      })
      .then(function () {
        saving = false;
        if (again) {
          again = false;
          changed();
        }
      });
  }

  function changed() {
    var now = Date.now();
    if (firstUnsaved === null) {
      firstUnsaved = now;
    }
    window.clearTimeout(timer);
    var wait = Math.min(QUIET_MS, Math.max(firstUnsaved + LONGEST_MS - now, 0));
    timer = window.setTimeout(function () {
      save(false);
    }, wait);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    sent = true; // the buttons save and send themselves
    window.clearTimeout(timer);
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      save(true);
    }
  });
  window.addEventListener("pagehide", function () {
    save(true);
  });
})();
