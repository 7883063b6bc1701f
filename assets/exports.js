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

/*
 * importui: "take over a plan from a file" (admins, empty organisation). The
 * form is hidden without this script (the text beside it names the command
 * line instead). With it, the chosen JSON export is sent to the import API
 * with the page's session and CSRF token; meanwhile the button is disabled and
 * the status line says "being imported" with an indeterminate progress bar.
 * Then: the number of items and a link to the start page; or every error of
 * the file by its place in it (focus on the list); or the server's message.
 */
document.addEventListener("DOMContentLoaded", function () {
	var form = document.querySelector("form[data-import-form]");
	if (!form || !window.fetch || !window.Blob || !Blob.prototype.text) {
		return;
	}
	var section = form.closest("section") || form.parentNode;
	var line = section.querySelector(".import-status");
	var input = form.querySelector("input[type='file']");
	var button = form.querySelector("button[type='submit']");
	var csrf = form.querySelector("input[name='_csrf']");
	var nojs = section.querySelector("[data-import-nojs]");

	form.hidden = false;
	if (nojs) {
		nojs.hidden = true;
	}

	function el(tag, cls, text) {
		var e = document.createElement(tag);
		if (cls) {
			e.className = cls;
		}
		if (text !== undefined && text !== null) {
			e.textContent = text;
		}
		return e;
	}

	function busy(on) {
		button.disabled = on;
		form.classList.toggle("busy", on);
		if (on) {
			form.setAttribute("aria-busy", "true");
		} else {
			form.removeAttribute("aria-busy");
		}
		line.replaceChildren();
		if (on) {
			var msg = form.getAttribute("data-busy");
			var bar = el("progress");
			bar.setAttribute("aria-label", msg);
			line.appendChild(bar);
			line.appendChild(document.createTextNode(" " + msg));
		}
	}

	/*
	 * A notice in the result area that takes the focus (a refusal is also an
	 * alert). The area is looked up each time: after the import, live updates
	 * may already have refreshed the page (the area keeps its notice then).
	 */
	function notice(cls, alert) {
		var result = document.getElementById("import-result");
		var box = el("div", "notice " + cls);
		box.id = "import-notice";
		box.tabIndex = -1;
		if (alert) {
			box.setAttribute("role", "alert");
		}
		result.replaceChildren(box);
		return box;
	}

	function done(n) {
		var box = notice("ok", false);
		var p = el("p", null, form.getAttribute("data-done").replace("{n}", String(n)) + " ");
		var a = el("a", null, form.getAttribute("data-home-label"));
		a.href = form.getAttribute("data-home");
		p.appendChild(a);
		box.appendChild(p);
		form.hidden = true; /* the organisation has a plan now: a second import would be refused */
		box.focus();
	}

	function refused(message, errors) {
		var box = notice("error", true);
		box.setAttribute("aria-labelledby", "import-error-title");
		var title = el("p", "import-error-title", message);
		title.id = "import-error-title";
		box.appendChild(title);
		if (errors && errors.length) {
			var list = el("ul", "import-errors");
			errors.forEach(function (e) {
				var li = el("li");
				li.appendChild(el("code", null, e.path));
				li.appendChild(document.createTextNode(": " + e.message));
				list.appendChild(li);
			});
			box.appendChild(list);
		}
		box.focus();
	}

	form.addEventListener("submit", function (e) {
		e.preventDefault();
		var file = input.files && input.files[0];
		if (!file || button.disabled) {
			return;
		}
		busy(true);
		document.getElementById("import-result").replaceChildren();
		file.text().then(function (body) {
			return fetch(form.action, {
				method: "POST",
				credentials: "same-origin",
				headers: {
					"Content-Type": "application/json",
					"Accept": "application/json",
					"X-CSRF-Token": csrf ? csrf.value : ""
				},
				body: body
			});
		}).then(function (resp) {
			return resp.json().catch(function () {
				return null;
			}).then(function (json) {
				busy(false);
				if (resp.ok && json && typeof json.items_imported === "number") {
					done(json.items_imported);
					return;
				}
				var err = json && json.error;
				refused(err && err.message ? err.message : form.getAttribute("data-failed"),
					resp.status === 422 && err && Array.isArray(err.errors) ? err.errors : null);
			});
		}).catch(function () {
			busy(false);
			refused(form.getAttribute("data-failed"), null);
		});
	});
});
