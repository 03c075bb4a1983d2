/*
 * A resident's session ends after a while without activity (portal/identity/idle.py). This
 * warns before it does and lets the resident continue (WCAG 2.2.1); if nobody answers, what was
 * typed in an application is saved as a draft, then the resident is logged out, also at the
 * e-ID provider. Typing and clicking count as activity. Progressive enhancement: without this
 * file the server ends the session at the next request, and still keeps a sent application as
 * a draft.
 */
(function () {
  "use strict";

  var config = document.getElementById("session-timeout");
  var dialog = document.getElementById("session-dialog");
  var logoutForm = document.getElementById("session-logout-form");
  if (!config || !dialog || !logoutForm || typeof dialog.showModal !== "function") {
    return;
  }

  var sessionUrl = config.getAttribute("data-session-url");
  var warningMs = Number(config.getAttribute("data-warning")) * 1000;
  var idleEnd = Date.now() + Number(config.getAttribute("data-idle-left")) * 1000;
  var maxEnd = Date.now() + Number(config.getAttribute("data-max-left")) * 1000;
  var countdown = dialog.querySelector("[data-countdown]");
  var continueButton = dialog.querySelector("[data-continue]");
  var lang = document.documentElement.lang || "sv";
  var csrfToken = logoutForm.querySelector("[name=csrfmiddlewaretoken]").value;
  var timer = null;
  var ticker = null;
  var lastPing = Date.now();
  var returnFocus = null;
  var ending = false;

  function endsAt() {
    return Math.min(idleEnd, maxEnd);
  }

  function update(answer) {
    if (!answer.signed_in) {
      window.location.assign(answer.logout_url || window.location.href);
      return false;
    }
    idleEnd = Date.now() + answer.idle_seconds_left * 1000;
    maxEnd = Date.now() + answer.max_seconds_left * 1000;
    return true;
  }

  function ask(method) {
    return fetch(sessionUrl, {
      method: method,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken, Accept: "application/json" },
    }).then(function (response) {
      return response.json();
    });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(check, Math.max(endsAt() - Date.now() - warningMs, 0));
  }

  function check() {
    // Another tab may have kept the session alive: ask before warning.
    ask("GET")
      .then(function (answer) {
        if (!update(answer)) {
          return;
        }
        if (endsAt() - Date.now() > warningMs + 1000) {
          schedule();
        } else {
          warn();
        }
      })
      .catch(warn);
  }

  function format(ms) {
    var seconds = Math.max(Math.ceil(ms / 1000), 0);
    var minutes = Math.floor(seconds / 60);
    var rest = seconds % 60;
    var parts = [];
    if (lang === "en") {
      if (minutes) parts.push(minutes + (minutes === 1 ? " minute" : " minutes"));
      if (rest || !minutes) parts.push(rest + (rest === 1 ? " second" : " seconds"));
      return parts.join(" ");
    }
    if (minutes) parts.push(minutes + (minutes === 1 ? " minut" : " minuter"));
    if (rest || !minutes) parts.push(rest + (rest === 1 ? " sekund" : " sekunder"));
    return parts.join(" ");
  }

  function tick() {
    var left = endsAt() - Date.now();
    countdown.textContent = format(left);
    if (left <= 10000) {
      expire();
    }
  }

  function warn() {
    if (dialog.open || ending) {
      return;
    }
    var byMax = maxEnd <= idleEnd;
    dialog.querySelector("[data-idle-text]").hidden = byMax;
    dialog.querySelector("[data-max-text]").hidden = !byMax;
    continueButton.hidden = byMax;
    returnFocus = document.activeElement;
    tick();
    dialog.showModal();
    ticker = window.setInterval(tick, 1000);
  }

  function close() {
    window.clearInterval(ticker);
    dialog.close();
    if (returnFocus && typeof returnFocus.focus === "function") {
      returnFocus.focus();
    }
  }

  function keepAlive() {
    lastPing = Date.now();
    return ask("POST").then(update);
  }

  function saveDraft() {
    var form = document.querySelector("form.eservice-form");
    if (!form) {
      return Promise.resolve(false);
    }
    var data = new FormData(form);
    data.set("action", "save");
    // The answer is a redirect once the draft is saved (to the draft, or, if the session has
    // just run out, to the logout): not followed.
    // getAttribute: the form's submit buttons are named "action", which shadows form.action.
    return fetch(form.getAttribute("action") || window.location.href, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      redirect: "manual",
    })
      .then(function (response) {
        return response.ok || response.type === "opaqueredirect";
      })
      .catch(function () {
        return false;
      });
  }

  function expire() {
    if (ending) {
      return;
    }
    ending = true;
    window.clearInterval(ticker);
    window.clearTimeout(timer);
    saveDraft().then(function (saved) {
      logoutForm.querySelector("[name=utkast]").value = saved ? "1" : "0";
      logoutForm.submit();
    });
  }

  continueButton.addEventListener("click", function () {
    keepAlive()
      .then(function (signedIn) {
        if (signedIn) {
          close();
          schedule();
        }
      })
      .catch(close);
  });
  dialog.querySelector("[data-logout]").addEventListener("click", expire);
  // Escape closes a modal dialog: that is an answer too, so it counts as continuing.
  dialog.addEventListener("cancel", function (event) {
    event.preventDefault();
    continueButton.click();
  });

  function activity() {
    if (!dialog.open && !ending && Date.now() - lastPing > 60000) {
      keepAlive().then(schedule, function () {});
    }
  }
  ["keydown", "input", "click"].forEach(function (name) {
    document.addEventListener(name, activity, { capture: true, passive: true });
  });

  schedule();
})();
