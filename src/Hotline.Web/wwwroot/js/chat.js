// The public web chat. Only the session token is kept on the device, in sessionStorage (gone when the tab closes);
// no cookie, no localStorage. Messages are rendered from the server's transcript only, deduplicated by sequence,
// so a reconnect, a poll and a push never show a message twice; messages typed offline wait in memory with their
// own ids and are sent once when the connection returns (a resend with the same id is stored once).
(function () {
    "use strict";
    var TOKEN_KEY = "hotline.chat.token";
    var HEADER = "X-Chat-Session";
    var POLL_MS = 10000;
    var $ = function (id) { return document.getElementById(id); };

    // Quick exit is the public layout's (quick-exit.js), which also empties sessionStorage.

    // The page's words in every language of the flow (flows/public-pages.yaml), drawn by the server into data-words;
    // the flow's own messages come from the flow. The page starts in the language the server drew it in.
    var WORDS = JSON.parse($("chat-words").getAttribute("data-words"));
    var words = WORDS[document.documentElement.lang] || {};
    function say(key, n) {
        var text = words["chat_" + key] || key;
        return n === undefined ? text : text.replace("{n}", String(n));
    }
    function useLanguage(code) {
        if (!code || !WORDS[code]) return;
        document.documentElement.lang = code;
        words = WORDS[code];
        Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (el) {
            var text = words[el.getAttribute("data-i18n")];
            if (text) el.textContent = text;
        });
        Array.prototype.forEach.call(document.querySelectorAll("[data-i18n-label]"), function (el) {
            var text = words[el.getAttribute("data-i18n-label")];
            if (text) el.setAttribute("aria-label", text);
        });
    }

    var token = null;
    try { token = sessionStorage.getItem(TOKEN_KEY); } catch (e) { token = null; }
    var lastSeq = 0;
    var seen = {};
    var outbox = [];
    var sending = false;
    var fetching = false;
    var fetchAgain = false;
    var state = "none";
    var joined = false;
    var chosenLanguage = null;
    var hub = null;

    function newId() {
        if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
        var b = new Uint8Array(16);
        crypto.getRandomValues(b);
        b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
        var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
        return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
    }

    function api(method, path, body) {
        var headers = { "Accept": "application/json" };
        headers[HEADER] = token;
        if (body !== undefined) headers["Content-Type"] = "application/json";
        return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body),
            credentials: "omit", cache: "no-store" });
    }

    function setConnection(s, text) {
        var el = $("connection");
        el.setAttribute("data-state", s);
        el.textContent = text;
    }

    function pendingText() {
        return outbox.length === 0 ? "" : " " + say("pending", outbox.length);
    }

    function offline() {
        setConnection("offline", say("offline") + pendingText());
    }

    // ---- language and start ----
    var languageForm = $("language-form");
    // The server checked the page's language (?lang=, else the browser's Accept-Language).

    languageForm.addEventListener("submit", function (e) {
        e.preventDefault();
        var choice = languageForm.querySelector("input[name=language]:checked");
        chosenLanguage = choice ? { code: choice.value, name: choice.getAttribute("data-name") } : null;
        fetch("/chat/api/start", { method: "POST", credentials: "omit", cache: "no-store" })
            .then(function (r) { if (!r.ok) throw new Error("start " + r.status); return r.json(); })
            .then(function (start) {
                token = start.token;
                try { sessionStorage.setItem(TOKEN_KEY, token); } catch (err) { /* the chat still works for this page */ }
                showChat();
                // The flow asks the language after its emergency message; the visitor already chose it here.
                queue(chosenLanguage ? chosenLanguage.name : "Hello");
            })
            .catch(function () { setConnection("offline", say("cant_start")); });
    });

    function showChat() {
        $("choose-language").hidden = true;
        $("chat").hidden = false;
        // Not stored (only the token is): after a reload the page's words follow the browser's language again.
        var preferred = languageForm.querySelector("input[name=language]:checked");
        useLanguage(chosenLanguage ? chosenLanguage.code : preferred ? preferred.value : null);
        connectHub();
        $("body").focus();
    }

    // ---- sending ----
    function queue(body) {
        outbox.push({ id: newId(), body: body });
        flush();
    }

    function flush() {
        if (sending || outbox.length === 0 || !token) return;
        sending = true;
        var message = outbox[0];
        api("POST", "/chat/api/messages", message)
            .then(function (r) {
                if (r.status === 400) {
                    return r.json().then(function (problem) { outbox.shift(); showProblem(problem); });
                }
                if (!r.ok) throw new Error("send " + r.status);
                return r.json().then(function (result) {
                    outbox.shift();
                    setConnection("online", "");
                    if (result.reply) answerLanguage(result.reply.choices || []);
                    if (result.reply) renderChoices(result.reply.choices || []);
                });
            })
            .then(function () { sending = false; (joined ? refresh() : watchThenRefresh()); flush(); })
            .catch(function () { sending = false; offline(); });
    }

    // The first reply asks the language again (its menu): answer it with the language chosen on the page.
    function answerLanguage(choices) {
        if (!chosenLanguage) return;
        var name = chosenLanguage.name.toLowerCase();
        var match = choices.filter(function (c) { return String(c.label).toLowerCase() === name; })[0];
        chosenLanguage = null;
        if (match) queue(match.key);
    }

    function showProblem(problem) {
        var el = $("compose-problem");
        var errors = problem && problem.errors ? Object.keys(problem.errors).map(function (k) { return problem.errors[k].join(" "); }) : [];
        el.textContent = errors.length > 0 ? errors.join(" ") : (problem && problem.title) || say("send_failed");
        el.hidden = false;
    }

    $("compose").addEventListener("submit", function (e) {
        e.preventDefault();
        var box = $("body");
        var text = box.value.trim();
        if (text.length === 0) return;
        $("compose-problem").hidden = true;
        box.value = "";
        queue(text);
        if (outbox.length > 0 && !navigator.onLine) offline();
    });

    function renderChoices(choices) {
        var holder = $("choices");
        holder.textContent = "";
        choices.forEach(function (c) {
            var b = document.createElement("button");
            b.type = "button";
            b.textContent = c.label;
            b.setAttribute("data-key", c.key);
            b.addEventListener("click", function () { holder.textContent = ""; queue(c.key); });
            holder.appendChild(b);
        });
    }

    // ---- receiving ----
    function render(row) {
        if (seen[row.sequence]) return;
        seen[row.sequence] = true;
        if (row.sequence > lastSeq) lastSeq = row.sequence;
        var item = document.createElement("div");
        item.className = "msg msg-" + row.author;
        item.setAttribute("data-seq", String(row.sequence));
        var who = document.createElement("span");
        who.className = "who";
        who.textContent = say(row.author);
        var text = document.createElement("span");
        text.className = "text";
        text.textContent = row.body;
        var time = document.createElement("time");
        time.dateTime = row.at;
        time.textContent = new Date(row.at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
        item.appendChild(who);
        item.appendChild(text);
        item.appendChild(time);
        var list = $("messages");
        list.appendChild(item);
        list.scrollTop = list.scrollHeight;
    }

    function refresh() {
        if (!token) return Promise.resolve();
        if (fetching) { fetchAgain = true; return Promise.resolve(); }
        fetching = true;
        return api("GET", "/chat/api/messages?after=" + lastSeq)
            .then(function (r) { if (!r.ok) throw new Error("fetch " + r.status); return r.json(); })
            .then(function (rows) {
                rows.forEach(render);
                fetching = false;
                if (rows.length >= 200 || fetchAgain) { fetchAgain = false; return refresh(); }
                return status();
            })
            .catch(function () { fetching = false; offline(); });
    }

    function status() {
        return api("GET", "/chat/api/status")
            .then(function (r) { if (!r.ok) throw new Error("status " + r.status); return r.json(); })
            .then(showStatus);
    }

    function showStatus(s) {
        state = s.state;
        var text = "";
        if (s.state === "intake") renderChoices(s.choices || []);
        else renderChoices([]);
        if (s.state === "waiting") {
            text = s.position ? say("in_line", s.position) : say("waiting");
        } else if (s.state === "talking") {
            text = say("talking");
        } else if (s.state === "after-hours") {
            text = say("after_hours");
        }
        $("status").textContent = text;
        $("contact-me").hidden = s.state !== "waiting";
        $("contact-form").hidden = s.contactRequested;
        $("contact-done").hidden = !s.contactRequested;
        var ended = s.state === "ended" || s.state === "closed";
        $("ended-heading").textContent = say(s.state === "ended" ? "ended_by_advocate" : "ended");
        $("ended").hidden = !ended;
        $("compose").hidden = ended;
        if (outbox.length === 0 && $("connection").getAttribute("data-state") === "offline") setConnection("online", "");
    }

    $("restart").addEventListener("click", function () {
        try { sessionStorage.removeItem(TOKEN_KEY); } catch (e) { /* nothing kept */ }
        window.location.replace(window.location.pathname);
    });

    // ---- a way to be contacted instead of waiting ----
    $("contact-form").addEventListener("submit", function (e) {
        e.preventDefault();
        var problem = $("contact-problem");
        problem.hidden = true;
        api("POST", "/chat/api/contact", { phone: $("contact-phone").value, email: $("contact-email").value, safeTime: $("contact-time").value })
            .then(function (r) {
                if (r.ok) return status();
                return r.json().then(function (p) {
                    var errors = p && p.errors ? Object.keys(p.errors).map(function (k) { return p.errors[k].join(" "); }) : [];
                    problem.textContent = errors.length ? errors.join(" ") : (p && p.title) || say("try_again");
                    problem.hidden = false;
                });
            })
            .catch(offline);
    });

    // ---- live link, with polling as the fallback ----
    function hubConnected() { return hub && hub.state === signalR.HubConnectionState.Connected; }

    function watch() {
        if (!hubConnected()) return Promise.resolve();
        return hub.invoke("Watch", token).then(function (cases) { joined = cases > 0; });
    }

    // Join the chat's group first, then fetch: a reply sent between a fetch and a later join would never be pushed
    // nor fetched again while the live link stays up.
    function watchThenRefresh() {
        return watch().then(refresh, refresh);
    }

    function connectHub() {
        if (hub || typeof signalR === "undefined") return;
        hub = new signalR.HubConnectionBuilder()
            .withUrl("/hubs/chat")
            .withAutomaticReconnect({ nextRetryDelayInMilliseconds: function (c) { return Math.min(30000, 1000 * Math.pow(2, c.previousRetryCount)); } })
            .configureLogging(signalR.LogLevel.None)
            .build();
        hub.on("changed", function () { refresh(); });
        hub.onreconnecting(function () { joined = false; });
        hub.onreconnected(function () { watchThenRefresh(); flush(); });
        hub.onclose(function () { joined = false; setTimeout(startHub, 5000); });
        startHub();
    }

    function startHub() {
        if (!hub || hub.state !== signalR.HubConnectionState.Disconnected) return;
        hub.start().then(watchThenRefresh).catch(function () { setTimeout(startHub, 5000); });
    }

    var ticks = 0;
    setInterval(function () {
        if (!token || $("chat").hidden) return;
        ticks++;
        flush();
        // Live link down: fetch every tick. Up: only the place in line moves without a push, every third tick.
        if (!hubConnected() || outbox.length > 0) refresh();
        else if (state === "waiting" && ticks % 3 === 0) status();
        if (hubConnected() && !joined) watchThenRefresh();
    }, POLL_MS);
    window.addEventListener("online", function () { flush(); refresh(); });
    window.addEventListener("offline", offline);

    if (token) {
        showChat();
        refresh();
    }
})();
