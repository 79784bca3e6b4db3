// Case page conversation: a quick-reply button fills the reply box instead of sending at once, so the advocate can
// read and change it first. Without script the button posts its quick reply (progressive enhancement).
(function () {
    "use strict";
    document.addEventListener("click", function (e) {
        var button = e.target.closest ? e.target.closest("button[data-quick-text]") : null;
        if (!button) return;
        var box = document.getElementById("reply-body");
        if (!box) return;
        e.preventDefault();
        var text = button.getAttribute("data-quick-text") || "";
        box.value = box.value.trim().length === 0 ? text : box.value.replace(/\s+$/, "") + " " + text;
        box.focus();
        box.setSelectionRange(box.value.length, box.value.length);
    });
})();

// The transcript box opens on the newest message: that is what needs an answer. (live.js then keeps it there while
// the advocate reads the latest, and leaves it alone while they read back.)
(function () {
    "use strict";
    document.querySelectorAll(".transcript[id]").forEach(function (t) { t.scrollTop = t.scrollHeight; });
})();
