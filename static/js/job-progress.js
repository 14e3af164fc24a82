// The progress page of a job: asks the job's status every second and moves the bar; when the job
// has ended, reloads the page, which then shows the result link or the error report. Without this
// script the page refreshes itself (a <noscript> meta refresh) and offers a reload link.
(function () {
  "use strict";
  var section = document.querySelector("[data-job-status-url]");
  if (!section || section.dataset.jobFinished === "true") {
    return;
  }
  var bar = section.querySelector("progress");
  var state = section.querySelector("[data-state]");
  var url = section.dataset.jobStatusUrl;
  var INTERVAL_MS = 1000;

  function show(status) {
    if (status.total) {
      bar.max = status.total;
      bar.value = status.done;
      bar.textContent = status.percent + " %";
    }
    if (state.textContent !== status.text) {
      state.textContent = status.text;
    }
    state.dataset.state = status.state;
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        show(status);
        if (status.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, INTERVAL_MS);
        }
      })
      .catch(function () {
        // A hiccup (the server restarting): try again a little later.
        window.setTimeout(poll, INTERVAL_MS * 5);
      });
  }

  window.setTimeout(poll, INTERVAL_MS);
})();
