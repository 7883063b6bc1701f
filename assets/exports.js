/* exports.js: the download page (progressive enhancement): a download button shows that the file is being made, then saves it. */
"use strict";

/*
 * Without this script every button is a plain link or form and the browser
 * downloads as usual. With it, a click fetches the file while the button is
 * busy and the status line says "being made" with an indeterminate progress
 * bar (the server cannot say how far it is, so no percentages); then the
 * file is saved through a blob link and the "record the copy" link gets the
 * downloaded file's stamp. A refused form (422) shows the server's page with
 * the message beside the field.
 */
document.addEventListener("DOMContentLoaded", function () {
	var texts = document.getElementById("export-texts");
	if (!texts || !window.fetch || !window.URL || !URL.createObjectURL || !window.FormData || !window.DOMParser) {
		return;
	}

	function container(el) {
		return el.closest(".export") || el.parentNode;
	}

	function status(el, msg, busy) {
		var line = container(el).querySelector(".export-status");
		if (!line) {
			return;
		}
		line.replaceChildren();
		if (busy) {
			var bar = document.createElement("progress");
			bar.setAttribute("aria-label", msg);
			line.appendChild(bar);
			line.appendChild(document.createTextNode(" "));
		}
		line.appendChild(document.createTextNode(msg));
	}

	function fileName(resp) {
		var cd = resp.headers.get("Content-Disposition") || "";
		var m = /filename="([^"]+)"/.exec(cd);
		return m ? m[1] : "download";
	}

	/* the "record the copy" link beside the button: the stamp of the file just saved */
	function recordLink(el, resp, name) {
		var link = container(el).querySelector("[data-record-copy]");
		var stamp = resp.headers.get("X-Krisenfest-Stamp");
		var version = resp.headers.get("X-Krisenfest-Plan-Version");
		var date = /(\d{4}-\d{2}-\d{2})\.[a-z]+$/.exec(name);
		if (!link || !stamp) {
			return;
		}
		var url = new URL(link.getAttribute("href"), location.href);
		url.searchParams.set("stamp", stamp);
		if (version && version !== "draft") {
			url.searchParams.set("plan_version", version);
		} else {
			url.searchParams.delete("plan_version");
		}
		if (date) {
			url.searchParams.set("plan_date", date[1]);
		}
		link.setAttribute("href", url.pathname + url.search);
		link.parentNode.classList.add("after-download");
	}

	function save(blob, name) {
		var url = URL.createObjectURL(blob);
		var a = document.createElement("a");
		a.href = url;
		a.download = name;
		a.hidden = true;
		document.body.appendChild(a);
		a.click();
		a.remove();
		setTimeout(function () {
			URL.revokeObjectURL(url);
		}, 60000);
	}

	/* a refused form: the server's page with the message beside the field replaces <main> */
	function showPage(html) {
		var doc = new DOMParser().parseFromString(html, "text/html");
		var main = document.getElementById("main");
		var fresh = doc.getElementById("main");
		if (!main || !fresh) {
			return false;
		}
		main.replaceChildren.apply(main, Array.prototype.slice.call(fresh.childNodes));
		var bad = main.querySelector("[aria-invalid='true']");
		if (bad) {
			bad.focus();
		}
		return true;
	}

	function run(el, url, init, done) {
		if (el.getAttribute("aria-busy") === "true") {
			return;
		}
		el.setAttribute("aria-busy", "true");
		el.classList.add("busy");
		status(el, texts.getAttribute("data-busy"), true);
		init.credentials = "same-origin";
		fetch(url, init).then(function (resp) {
			var ctype = resp.headers.get("Content-Type") || "";
			if (!resp.ok && ctype.indexOf("text/html") === 0) {
				return resp.text().then(function (html) {
					if (!showPage(html)) {
						throw new Error("refused");
					}
				});
			}
			if (!resp.ok) {
				throw new Error("refused");
			}
			return resp.blob().then(function (blob) {
				var name = fileName(resp);
				save(blob, name);
				recordLink(el, resp, name);
				status(el, texts.getAttribute("data-done").replace("{name}", name), false);
				if (done) {
					done();
				}
			});
		}).catch(function () {
			status(el, texts.getAttribute("data-failed"), false);
		}).then(function () {
			el.removeAttribute("aria-busy");
			el.classList.remove("busy");
		});
	}

	document.addEventListener("click", function (e) {
		var a = e.target.closest && e.target.closest("a[data-export]");
		if (!a || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) {
			return;
		}
		e.preventDefault();
		run(a, a.href, { method: "GET" }, null);
	});

	document.addEventListener("submit", function (e) {
		var form = e.target.closest && e.target.closest("form[data-export-form]");
		if (!form) {
			return;
		}
		e.preventDefault();
		var body = new URLSearchParams(new FormData(form));
		run(form, form.action, {
			method: "POST",
			headers: { "Content-Type": "application/x-www-form-urlencoded" },
			body: body.toString()
		}, function () {
			/* the passphrase does not stay in the page */
			form.querySelectorAll("input[type='password']").forEach(function (i) {
				i.value = "";
			});
		});
	});
});
