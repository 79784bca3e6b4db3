// Live board: refresh the partial in place (no page reload) when told to (live.js) or on a timer; tick countdowns between.
// Focus is kept on the same link or button after a swap so a keyboard user is never thrown to the top.
(function () {
    "use strict";
    var offset = 0; // server clock minus browser clock, so countdowns follow the server's time

    function span(ms) {
        var s = Math.floor(Math.abs(ms) / 1000), text;
        if (s < 60) text = s + " s";
        else if (s < 3600) text = Math.floor(s / 60) + " min";
        else if (s < 86400) text = Math.floor(s / 3600) + " h " + String(Math.floor(s % 3600 / 60)).padStart(2, "0") + " min";
        else text = Math.floor(s / 86400) + " d " + Math.floor(s % 86400 / 3600) + " h";
        return text;
    }

    function readOffset(root) {
        var grid = root.querySelector("[data-server-now]");
        if (grid) offset = Number(grid.getAttribute("data-server-now")) - Date.now();
    }

    function tick(root) {
        var now = Date.now() + offset;
        root.querySelectorAll("[data-since]").forEach(function (el) {
            el.textContent = "waiting " + span(now - Number(el.getAttribute("data-since")));
        });
        root.querySelectorAll("[data-due]").forEach(function (el) {
            var left = Number(el.getAttribute("data-due")) - now;
            el.textContent = left < 0 ? "overdue " + span(left) : "in " + span(left);
            el.classList.toggle("overdue", left < 0);
        });
    }

    // Names the focused element so the same one can be found in the new HTML: its id, else its link target or
    // form action plus its text, and which of several such it was. Links to cases have no id.
    function focusKey(root) {
        var el = document.activeElement;
        if (!el || el === root || !root.contains(el)) return null;
        if (el.id) return { id: el.id };
        var form = el.form ? el.form.getAttribute("action") : null;
        var key = { tag: el.tagName, href: el.getAttribute("href"), action: form, text: el.textContent.trim() };
        key.index = matching(root, key).indexOf(el);
        return key;
    }

    function matching(root, key) {
        return Array.prototype.slice.call(root.querySelectorAll(key.tag)).filter(function (c) {
            return c.getAttribute("href") === key.href && (c.form ? c.form.getAttribute("action") : null) === key.action
                && c.textContent.trim() === key.text;
        });
    }

    function refocus(root, key) {
        if (!key) return;
        var el = key.id ? document.getElementById(key.id) : null;
        if (!key.id) {
            var found = matching(root, key);
            el = found[Math.max(0, Math.min(key.index, found.length - 1))] || null;
        }
        if (el) el.focus({ preventScroll: true });
        else root.focus({ preventScroll: true }); // the row left the board: stay in the board, not at the top of the page
    }

    // Refreshes on a timer, and at once on a "hotline:refresh" event (live.js sends it when the server says the
    // board changed). While live.js marks the root data-live="connected" the timer may slow to
    // data-live-poll-seconds (a safety net, e.g. 60); otherwise it polls every data-poll-seconds as before.
    // Without data-live-poll-seconds the pace stays data-poll-seconds: a write path that does not signal yet
    // (or a deadline passing, which no write announces) must not leave a waiting caller unseen for a minute.
    function poll(root) {
        var url = root.getAttribute("data-poll-url");
        var seconds = Number(root.getAttribute("data-poll-seconds") || "5");
        var status = document.getElementById("board-updated");
        var timer = null, busy = false, again = false;

        function schedule() {
            clearTimeout(timer);
            var live = root.getAttribute("data-live") === "connected";
            var liveSeconds = Number(root.getAttribute("data-live-poll-seconds") || seconds);
            timer = setTimeout(refresh, (live ? liveSeconds : seconds) * 1000);
        }

        function refresh() {
            if (busy) { again = true; return; } // one fetch at a time; a change during it fetches once more
            busy = true;
            clearTimeout(timer);
            fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
                .then(function (r) {
                    if (r.redirected || r.status === 401 || r.status === 403) { window.location.reload(); return null; }
                    return r.ok ? r.text() : Promise.reject(r.status);
                })
                .then(function (html) {
                    if (html === null) return;
                    if (status) status.textContent = "";
                    if (html === root.hotlineHtml) return; // nothing changed: leave the DOM (and focus) alone
                    var key = focusKey(root);
                    root.innerHTML = html;
                    root.hotlineHtml = html;
                    readOffset(root);
                    tick(root);
                    refocus(root, key);
                    if (status) status.textContent = "";
                })
                .catch(function () { if (status) status.textContent = "Connection lost: the board may be out of date. Retrying…"; })
                .finally(function () {
                    busy = false;
                    if (again) { again = false; refresh(); } else schedule();
                });
        }

        root.addEventListener("hotline:refresh", refresh);
        // live.js connecting or losing the hub changes the pace at once.
        root.addEventListener("hotline:live", function () { if (!busy) schedule(); });
        schedule();
    }

    document.querySelectorAll("[data-poll-url]").forEach(function (root) {
        readOffset(root);
        poll(root);
        setInterval(function () { tick(root); }, 1000);
    });
})();
