// Quick exit for the public pages. Without JavaScript the button is a plain link; with it, the page is replaced
// (location.replace), so Back does not return here. Escape pressed twice within a second does the same. This is the
// one quick exit of every public page: it also empties sessionStorage (the chat keeps its session token there).
(function () {
    "use strict";
    var link = document.querySelector("[data-quick-exit]");
    if (!link) return;

    function leave(event) {
        if (event) event.preventDefault();
        document.body.classList.add("leaving");
        try { sessionStorage.clear(); } catch (e) { /* storage may be unavailable */ }
        window.location.replace(link.href);
    }

    link.addEventListener("click", leave);
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
        if (event.key !== "Escape" && event.key !== "Esc") return;
        var now = Date.now();
        if (now - lastEscape < 1000) leave(event);
        lastEscape = now;
    });
})();
