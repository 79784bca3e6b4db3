// Live updates from the server (ConsoleHub, /hubs/console). The server only says *that* something changed
// (an id); this script then re-fetches the page part through the ordinary, authorised URL.
//  - The board ([data-poll-url]): "boardChanged" -> a "hotline:refresh" event that site.js answers at once.
//    While connected the root carries data-live="connected" and site.js polls only every 60 s; while not,
//    it polls every few seconds as it always did.
//  - A case region ([data-live-case]=case id, [data-live-src]=partial URL): "caseChanged" -> re-fetch and swap,
//    keeping focus, anything typed in an input/textarea with an id, and scroll positions.
//  - "resync" (the server may have missed changes) and every reconnect: refresh everything once.
(function () {
    "use strict";
    if (!window.signalR) return;
    var boards = Array.prototype.slice.call(document.querySelectorAll("[data-poll-url]"));
    var cases = Array.prototype.slice.call(document.querySelectorAll("[data-live-case][data-live-src]"));
    if (boards.length === 0 && cases.length === 0) return;

    function setLive(connected) {
        // A case region says so too: "connected" once it watches its case (a change from then on reaches it).
        cases.forEach(function (c) { c.setAttribute("data-live", connected ? "connected" : "off"); });
        boards.forEach(function (b) {
            b.setAttribute("data-live", connected ? "connected" : "off");
            b.dispatchEvent(new CustomEvent("hotline:live"));
        });
    }

    function refreshBoards() {
        boards.forEach(function (b) { b.dispatchEvent(new CustomEvent("hotline:refresh")); });
    }

    function refreshAll() {
        refreshBoards();
        cases.forEach(refreshCase);
    }

    // What the person was doing inside the region: focus (with caret), edited fields, scroll positions.
    function remember(region) {
        var active = document.activeElement;
        var state = { focusId: active && active.id && region.contains(active) ? active.id : null, fields: [], scrolls: [] };
        if (state.focusId && typeof active.selectionStart === "number") {
            state.caret = [active.selectionStart, active.selectionEnd, active.selectionDirection];
        }
        region.querySelectorAll("textarea[id], input[id]").forEach(function (el) {
            if (el.type === "checkbox" || el.type === "radio") {
                if (el.checked !== el.defaultChecked) state.fields.push({ id: el.id, checked: el.checked });
            } else if (el.type !== "hidden" && el.value !== el.defaultValue) {
                state.fields.push({ id: el.id, value: el.value }); // typed here, not yet sent: never lose it
            }
        });
        [region].concat(Array.prototype.slice.call(region.querySelectorAll("[id]"))).forEach(function (el) {
            if (el.scrollHeight > el.clientHeight && (el === region || el.id)) {
                var atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 4;
                state.scrolls.push({ el: el === region ? null : el.id, top: el.scrollTop, atBottom: atBottom });
            }
        });
        state.windowY = window.scrollY;
        return state;
    }

    function restore(region, state) {
        function byId(id) { return region.querySelector("#" + CSS.escape(id)); }
        state.fields.forEach(function (f) {
            var el = byId(f.id);
            if (!el) return;
            if ("checked" in f) el.checked = f.checked; else el.value = f.value;
        });
        state.scrolls.forEach(function (s) {
            var el = s.el === null ? region : byId(s.el);
            // Someone reading the latest message keeps seeing the latest; someone reading back stays put.
            if (el) el.scrollTop = s.atBottom ? el.scrollHeight : s.top;
        });
        window.scrollTo(window.scrollX, state.windowY);
        if (state.focusId) {
            var focus = byId(state.focusId);
            if (focus) {
                focus.focus({ preventScroll: true });
                if (state.caret && typeof focus.setSelectionRange === "function") {
                    try { focus.setSelectionRange(state.caret[0], state.caret[1], state.caret[2]); } catch (e) { /* not a text field */ }
                }
            }
        }
    }

    function refreshCase(region) {
        if (region.hotlineBusy) { region.hotlineAgain = true; return; } // one fetch at a time per region
        region.hotlineBusy = true;
        fetch(region.getAttribute("data-live-src"), { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
            .then(function (r) {
                if (r.redirected || r.status === 401 || r.status === 403) { window.location.reload(); return null; }
                return r.ok ? r.text() : Promise.reject(r.status);
            })
            .then(function (html) {
                if (html === null || html === region.hotlineHtml) return;
                var state = remember(region);
                region.innerHTML = html;
                region.hotlineHtml = html;
                restore(region, state);
                region.dispatchEvent(new CustomEvent("hotline:updated", { bubbles: true }));
            })
            .catch(function () { /* the next change, resync or reconnect tries again */ })
            .finally(function () {
                region.hotlineBusy = false;
                if (region.hotlineAgain) { region.hotlineAgain = false; refreshCase(region); }
            });
    }

    function watch() {
        var calls = cases.map(function (c) { return connection.invoke("WatchCase", c.getAttribute("data-live-case")); });
        if (boards.length > 0) calls.push(connection.invoke("WatchBoard"));
        return Promise.all(calls);
    }

    // Keep trying for as long as the page is open: 1 s, 2 s, 4 s ... at most 30 s apart, with jitter so a
    // restarted node is not hit by every console at once.
    function delay(attempt) {
        return Math.min(30000, 1000 * Math.pow(2, attempt)) * (0.8 + Math.random() * 0.4);
    }

    var connection = new signalR.HubConnectionBuilder()
        .withUrl("/hubs/console")
        .withAutomaticReconnect({ nextRetryDelayInMilliseconds: function (context) { return delay(context.previousRetryCount); } })
        .configureLogging(signalR.LogLevel.Warning)
        .build();

    connection.on("boardChanged", refreshBoards);
    connection.on("caseChanged", function (caseId) {
        var id = String(caseId).toLowerCase();
        cases.forEach(function (c) { if (c.getAttribute("data-live-case").toLowerCase() === id) refreshCase(c); });
    });
    connection.on("resync", refreshAll);
    connection.onreconnecting(function () { setLive(false); });
    connection.onreconnected(function () {
        // A new connection has no groups; what changed while away is fetched once.
        watch().then(function () { setLive(true); refreshAll(); }).catch(function () { connection.stop(); });
    });
    connection.onclose(function () { setLive(false); setTimeout(function () { start(0); }, delay(0)); });

    function start(attempt) {
        if (connection.state !== signalR.HubConnectionState.Disconnected) return; // a retry is already under way
        connection.start()
            .then(watch)
            // The board was rendered before we joined: fetch it once so nothing in between is missed.
            // (Case regions are not re-fetched here: each fetch of a case is an audited read.)
            .then(function () { setLive(true); refreshBoards(); })
            .catch(function () {
                setLive(false);
                if (connection.state === signalR.HubConnectionState.Connected) connection.stop(); // onclose retries
                else setTimeout(function () { start(attempt + 1); }, delay(attempt));
            });
    }

    start(0);
})();
