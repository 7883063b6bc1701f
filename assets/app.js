/* app.js: small conveniences on top of pages that work without it. */
"use strict";

document.addEventListener("DOMContentLoaded", function () {
	/* after a failed save, move the focus to the first field with an error so keyboard and screen reader users land there */
	var firstInvalid = document.querySelector("[aria-invalid='true']");
	if (firstInvalid) {
		firstInvalid.focus();
	}
});

/*
 * Live updates and presence (progressive enhancement): one event stream per tab
 * in front for the organisation. A change refreshes <main> (and the step navigation)
 * from the server, unless the user has unsaved input: then a calm notice offers
 * to show the new state. Also shows who else has this page open.
 */
document.addEventListener("DOMContentLoaded", function () {
	var live = document.getElementById("live");
	if (!live || !window.EventSource || !window.fetch || !window.DOMParser) {
		return;
	}
	var presence = live.querySelector(".presence");
	var notice = live.querySelector(".live-notice");
	var dirty = !!document.querySelector("[aria-invalid='true']");
	var timer = null;
	var last = null;
	var source;

	document.addEventListener("input", function (e) {
		if (e.target && e.target.form) {
			dirty = true;
		}
	});
	document.addEventListener("submit", function () {
		dirty = false;
	});

	function text(key, name) {
		return (live.getAttribute("data-" + key) || "").replace("{name}", name || live.getAttribute("data-someone"));
	}

	function showLive() {
		live.hidden = presence.hidden && notice.hidden;
	}

	function showNotice(ev) {
		/* an item page is /o/{org}/{kind}/{id}: its last segment is the changed item's id */
		var parts = location.pathname.split("/");
		var onItem = ev && parts.length >= 5 && parts[parts.length - 1] === String(ev.id);
		var p = document.createElement("p");
		var b = document.createElement("button");
		p.textContent = text(onItem ? "changed-item" : "changed-page", ev && ev.by);
		b.type = "button";
		b.textContent = live.getAttribute("data-reload");
		b.addEventListener("click", function () {
			location.reload();
		});
		notice.replaceChildren(p, b);
		notice.hidden = false;
		showLive();
	}

	function swap(html) {
		var doc = new DOMParser().parseFromString(html, "text/html");
		var main = document.getElementById("main");
		var fresh = doc.getElementById("main");
		var nav = document.querySelector("nav.steps");
		var freshNav = doc.querySelector("nav.steps");
		var focusId = document.activeElement && document.activeElement.id;
		/* importui: a message the page's own script showed (data-live-keep) stays in the fresh page's place with the same id */
		var keep = main ? Array.prototype.slice.call(main.querySelectorAll("[data-live-keep][id]")) : [];
		if (!main || !fresh) {
			return;
		}
		main.replaceChildren.apply(main, Array.prototype.slice.call(fresh.childNodes));
		keep.forEach(function (el) {
			var twin = document.getElementById(el.id);
			if (twin && twin !== el) {
				twin.replaceWith(el);
			}
		});
		if (nav && freshNav) {
			nav.replaceChildren.apply(nav, Array.prototype.slice.call(freshNav.childNodes));
		}
		if (focusId && document.getElementById(focusId)) {
			document.getElementById(focusId).focus();
		}
	}

	/* an open edit form is never replaced: its version must stay the one the user saw (concurrent edits) */
	function editing() {
		return dirty || !!document.querySelector("#main form input[name='version']");
	}

	function refresh() {
		timer = null;
		if (editing()) {
			showNotice(last);
			return;
		}
		fetch(location.href, { credentials: "same-origin" }).then(function (resp) {
			if (!resp.ok || resp.redirected) {
				showNotice(last);
				return null;
			}
			return resp.text();
		}).then(function (html) {
			if (html !== null && !editing()) {
				swap(html);
			} else if (html !== null) {
				showNotice(last);
			}
		}).catch(function () {
			showNotice(last);
		});
	}

	function onChange(e) {
		try {
			last = JSON.parse(e.data);
		} catch (err) {
			last = null;
		}
		if (timer) {
			clearTimeout(timer);
		}
		timer = setTimeout(refresh, 250);
	}

	function onPresence(e) {
		var me = live.getAttribute("data-user");
		var names = [];
		try {
			JSON.parse(e.data).users.forEach(function (u) {
				if (String(u.id) !== me) {
					names.push(u.name);
				}
			});
		} catch (err) {
			names = [];
		}
		presence.textContent = names.length ? live.getAttribute("data-label") + " " + names.join(", ") : "";
		presence.hidden = names.length === 0;
		showLive();
	}

	function connect() {
		source = new EventSource(live.getAttribute("data-events") + "?page=" + encodeURIComponent(location.pathname));
		source.addEventListener("change", onChange);
		source.addEventListener("presence", onPresence);
		source.addEventListener("reload", function () {
			disconnect();
			stopped = true;
			showNotice(last);
		});
	}

	function disconnect() {
		if (source) {
			source.close();
			source = null;
		}
	}

	/*
	 * A tab in the background gives its stream back after a while: a browser
	 * opens at most six connections to one server (HTTP/1.1), and every open
	 * stream holds one, so many tabs would leave none for loading pages. Back
	 * in front, the tab connects again and shows what changed meanwhile.
	 */
	var stopped = false;
	var idle = null;
	document.addEventListener("visibilitychange", function () {
		if (stopped) {
			return;
		}
		if (document.hidden) {
			idle = setTimeout(function () {
				idle = null;
				disconnect();
			}, 10000);
			return;
		}
		if (idle) {
			clearTimeout(idle);
			idle = null;
		}
		if (!source) {
			connect();
			if (!editing()) {
				refresh();
			}
		}
	});
	connect();
	window.addEventListener("pagehide", disconnect);
});
