// The console's browser phone (Twilio Voice JS SDK, served from our own /lib/twilio-voice). It asks the service for a
// short-lived access token, registers with Twilio so a taken call can ring here, and says in words where it stands:
// ready / ringing / on call / not set up / cannot reach Twilio. While it is ready, forms that put a call through to
// the advocate (take call, call back) post device=browser, so the service joins this browser instead of their phone.
(function () {
    "use strict";
    var panel = document.getElementById("softphone");
    if (!panel) return;
    var stateText = panel.querySelector("[data-softphone-state]");
    var answer = panel.querySelector("[data-softphone-answer]");
    var hangup = panel.querySelector("[data-softphone-hangup]");
    var device = null;
    var current = null;

    function show(state, words) {
        panel.setAttribute("data-state", state);
        stateText.textContent = words;
        answer.hidden = state !== "ringing";
        hangup.hidden = state !== "on-call" && state !== "ringing";
    }

    function fetchToken() {
        return fetch(panel.getAttribute("data-token-url"), {
            credentials: "same-origin", cache: "no-store", headers: { "Accept": "application/json" }
        }).then(function (response) {
            return response.json().catch(function () { return {}; }).then(function (body) {
                if (response.status === 503) throw { notSetUp: true, detail: body.detail };
                if (!response.ok || !body.token) throw { detail: "the service did not give this browser a phone token (" + response.status + ")" };
                panel.setAttribute("data-identity", body.identity || "");
                return body.token;
            });
        });
    }

    function follow(call) {
        current = call;
        call.on("accept", function () { show("on-call", "On call in this browser."); });
        call.on("disconnect", function () { current = null; show("ready", "Ready: calls you take ring in this browser."); });
        call.on("cancel", function () { current = null; show("ready", "Ready: calls you take ring in this browser."); });
        call.on("reject", function () { current = null; show("ready", "Ready: calls you take ring in this browser."); });
        call.on("error", function (e) { show("unreachable", "The call in this browser failed: " + (e && e.message || "unknown error") + "."); });
    }

    answer.addEventListener("click", function () { if (current) current.accept(); });
    hangup.addEventListener("click", function () {
        if (!current) return;
        if (panel.getAttribute("data-state") === "ringing") current.reject(); else current.disconnect();
    });

    // Join the conference of a call this advocate handles, from the browser (the TwiML App's voice URL checks it is theirs).
    window.hotlineSoftphone = {
        ready: function () { return panel.getAttribute("data-state") === "ready"; },
        join: function (contactId) {
            if (!device) return Promise.reject(new Error("The browser phone is not ready."));
            return device.connect({ params: { contact: contactId } }).then(function (call) {
                follow(call);
                show("ringing", "Connecting this browser to the call…");
                return call;
            });
        }
    };

    // Take-call and call-back forms: device=browser while this browser phone is ready, otherwise the advocate's phone.
    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.matches("form[data-takes-call], form[action^='/board/take/']")) return;
        var input = form.querySelector("input[name='device']");
        if (!input) {
            input = document.createElement("input");
            input.type = "hidden";
            input.name = "device";
            form.appendChild(input);
        }
        input.value = window.hotlineSoftphone.ready() ? "browser" : "phone";
    }, true);

    if (!window.Twilio || !window.Twilio.Device) {
        show("unreachable", "The browser phone could not be loaded. Calls ring on your phone.");
        return;
    }
    show("starting", "Starting the browser phone…");
    fetchToken().then(function (token) {
        device = new window.Twilio.Device(token, { closeProtection: true, logLevel: "error" });
        device.on("registering", function () { show("starting", "Connecting to Twilio…"); });
        device.on("registered", function () { show("ready", "Ready: calls you take ring in this browser."); });
        device.on("unregistered", function () { if (!current) show("unreachable", "Cannot reach Twilio: calls ring on your phone."); });
        device.on("error", function (e) {
            if (!current) show("unreachable", "Cannot reach Twilio (" + (e && (e.message || e.code) || "no answer") + "): calls ring on your phone.");
        });
        device.on("incoming", function (call) {
            follow(call);
            show("ringing", "Ringing: a call is waiting in this browser.");
        });
        device.on("tokenWillExpire", function () {
            fetchToken().then(function (fresh) { device.updateToken(fresh); }, function () { /* the next error says so */ });
        });
        return device.register();
    }).catch(function (problem) {
        if (problem && problem.notSetUp) {
            show("not-set-up", (problem.detail || "The browser phone is not set up.") + " Calls ring on your phone.");
        } else {
            show("unreachable", "Cannot reach Twilio (" + (problem && (problem.detail || problem.message) || "no answer") + "): calls ring on your phone.");
        }
    });
})();
