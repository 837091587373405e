// The phone page of kartla's room server (docs/phones.md). Plain ES2017, no
// framework, nothing fetched but this server: it has to run on old phones and
// on a guest network without the internet.
(function () {
  "use strict";
  var base = document.documentElement.getAttribute("data-base") || "";
  var swedish = (navigator.language || "").toLowerCase().indexOf("sv") === 0;
  document.documentElement.lang = swedish ? "sv" : "en";

  var sv = {
    "Code on the screen": "Koden på skärmen",
    "Join": "Gå med",
    "That code is not right.": "Koden stämmer inte.",
    "Add a problem": "Lägg till ett problem",
    "What happens?": "Vad händer?",
    "More (where, when, what)": "Mer (var, när, vad)",
    "Where?": "Var?",
    "When?": "När?",
    "What, in more words?": "Vad, med fler ord?",
    "Category": "Kategori",
    "No category": "Ingen kategori",
    "Send": "Skicka",
    "Vote": "Rösta",
    "On the board": "På tavlan",
    "Ranking": "Rangordning",
    "Joining is closed.": "Anslutningen är stängd.",
    "Thank you. Everything you sent is in the meeting's file.": "Tack. Allt du skickade finns i mötets fil.",
    "Only the meeting's own computer sees what you send; no account, no name. The connection is not encrypted: do not write names or personal data.":
      "Bara mötets egen dator ser det du skickar; inget konto, inget namn. Anslutningen är inte krypterad: skriv inte namn eller personuppgifter.",
    "Connected to the meeting.": "Ansluten till mötet.",
    "No connection to the meeting. What you write is kept on this phone and sent when the connection is back.":
      "Ingen anslutning till mötet. Det du skriver sparas i telefonen och skickas när anslutningen är tillbaka.",
    "Silent round: your cards stay face down until the facilitator reveals them.":
      "Tyst runda: dina kort ligger med framsidan nedåt tills mötesledaren vänder dem.",
    "Write one problem per card.": "Skriv ett problem per kort.",
    "Sent.": "Skickat.",
    "Waiting to be sent": "Väntar på att skickas",
    "Dots left": "Prickar kvar",
    "Your cards": "Dina kort",
    "The meeting has a new address: ask for the new code. Your unsent cards stay on this phone.":
      "Mötet har fått en ny adress: fråga efter den nya koden. Dina osända kort finns kvar i telefonen.",
    "Add a dot to": "Lägg en prick på",
    "Take a dot from": "Ta bort en prick från",
    "Write what happens first.": "Skriv först vad som händer.",
    "The text is too long.": "Texten är för lång.",
    "Too many requests: wait a moment.": "För många förfrågningar: vänta en stund.",
    "Voting is closed.": "Röstningen är stängd.",
    "No dots left.": "Inga prickar kvar.",
    "The card is not there any more.": "Kortet finns inte längre.",
    "The page is out of date: reload it.": "Sidan är inaktuell: ladda om den.",
    "The meeting is busy: try again.": "Mötet är upptaget: försök igen.",
    "The meeting is full: ask the facilitator to close joining and open it again.":
      "Mötet är fullt: be mötesledaren stänga anslutningen och öppna den igen.",
    "Too many new phones from this device: wait a minute, or ask the facilitator.":
      "För många nya telefoner från den här enheten: vänta en minut, eller fråga mötesledaren.",
    "Not allowed.": "Inte tillåtet.",
    "Not found.": "Hittades inte.",
    "Something went wrong.": "Något gick fel.",
    "The request is not valid JSON.": "Förfrågan är ogiltig."
  };
  function t(msgid) { return swedish && sv[msgid] ? sv[msgid] : msgid; }
  function $(id) { return document.getElementById(id); }

  var nodes = document.querySelectorAll("[data-text]");
  for (var i = 0; i < nodes.length; i++) nodes[i].textContent = t(nodes[i].getAttribute("data-text"));
  document.title = "kartla";

  // 128 random bits as 32 hex digits. crypto.getRandomValues works on plain HTTP,
  // where randomUUID (secure contexts only) does not.
  function randomId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
  // One anonymous random id per phone: one phone, one set of dots.
  function phoneId() {
    var id = null;
    try { id = localStorage.getItem("kartla.phone"); } catch (e) { /* private mode */ }
    if (!/^[0-9a-f]{32}$/.test(id || "")) {
      id = randomId();
      try { localStorage.setItem("kartla.phone", id); } catch (e) { /* kept for this visit only */ }
    }
    document.cookie = "kartla_phone=" + id + "; path=/; SameSite=Strict; max-age=86400";
    return id;
  }
  var phone = phoneId();

  function status(text, problem) {
    $("status").textContent = text;
    $("status").className = problem ? "problem" : "";
  }

  function request(method, path, body) {
    var options = { method: method, headers: { "X-Kartla": "1", "X-Kartla-Phone": phone }, credentials: "same-origin",
                    cache: "no-store" };
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(path, options).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        return { status: response.status, json: json };
      });
    });
  }

  var closed = false;
  function showClosed() {
    closed = true;
    $("room").hidden = true;
    $("join").hidden = true;
    $("closed").hidden = false;
    status("");
  }

  // --- joining by code (the short address without the token)
  if (!base) {
    $("join").hidden = false;
    $("join-form").addEventListener("submit", function (event) {
      event.preventDefault();
      request("POST", "/join", { code: $("code").value.trim() }).then(function (answer) {
        if (answer.status === 200 && answer.json.url) location.replace(answer.json.url);
        else if (answer.status === 410) showClosed();
        else status(t(answer.json.error || "That code is not right."), true);
      }, function () { status(t("No connection to the meeting. What you write is kept on this phone and sent when the connection is back."), true); });
    });
    return;
  }

  $("room").hidden = false;

  // --- cards: kept on the phone until the server has them
  var outbox = [];
  try { outbox = JSON.parse(localStorage.getItem("kartla.outbox." + base) || "[]"); } catch (e) { outbox = []; }
  function saveOutbox() {
    try { localStorage.setItem("kartla.outbox." + base, JSON.stringify(outbox)); } catch (e) { /* memory only */ }
    $("outbox").textContent = outbox.length ? t("Waiting to be sent") + ": " + outbox.length : "";
  }
  // The cards this phone sent, newest first: what the phone's user can see was taken.
  var mine = [];
  try { mine = JSON.parse(localStorage.getItem("kartla.mine." + base) || "[]"); } catch (e) { mine = []; }
  function showMine() {
    var list = $("mine");
    list.textContent = "";
    mine.forEach(function (title) {
      var li = document.createElement("li");
      li.textContent = title;
      list.appendChild(li);
    });
    $("mine-section").hidden = !mine.length;
  }
  function remember(card) {
    mine.unshift(card.title);
    mine = mine.slice(0, 50);
    try { localStorage.setItem("kartla.mine." + base, JSON.stringify(mine)); } catch (e) { /* memory only */ }
    showMine();
  }
  var sending = false;
  function flush() {
    if (sending || !outbox.length || closed) return;
    sending = true;
    request("POST", base + "/cards", outbox[0]).then(function (answer) {
      sending = false;
      if (answer.status === 410) return showClosed();
      if (answer.status === 429 || answer.status === 503) return setTimeout(flush, 1500);
      // Another address now (the facilitator chose a new one): the cards stay here, and the phone says so.
      if (answer.status === 404) {
        status(t("The meeting has a new address: ask for the new code. Your unsent cards stay on this phone."), true);
        return;
      }
      if (answer.status >= 200 && answer.status < 300) {
        remember(outbox.shift());
        $("outbox").className = "";
        status(t("Sent."));
      } else {
        // Refused for what it is (too long, not valid): dropped, and the phone is told why.
        outbox.shift();
        $("outbox").className = "problem";
        status(t(answer.json.error || "Something went wrong."), true);
      }
      saveOutbox();
      flush();
    }, function () {
      sending = false;
      status(t("No connection to the meeting. What you write is kept on this phone and sent when the connection is back."), true);
    });
  }

  $("card-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var title = $("title").value.trim();
    if (!title) { status(t("Write what happens first."), true); $("title").focus(); return; }
    // The card's own id, made here: sent again after a lost answer, it is still one card.
    var card = { title: title, place: $("place").value.trim(), when: $("when").value.trim(),
                 description: $("description").value.trim(), sent_id: randomId() };
    var category = parseInt($("category").value, 10);
    if (category > 0) card.category_id = category;
    outbox.push(card);
    saveOutbox();
    $("title").value = ""; $("place").value = ""; $("when").value = ""; $("description").value = "";
    $("title").focus();
    flush();
  });

  // --- what the room sees, polled
  var state = null;
  function vote(cardId, dots) {
    request("POST", base + "/votes", { card_id: cardId, dots: dots }).then(function (answer) {
      if (answer.status === 410) return showClosed();
      if (answer.status !== 200) status(t(answer.json.error || "Something went wrong."), true);
      if (answer.json && answer.json.cards) render(answer.json);
    }, function () {
      status(t("No connection to the meeting. What you write is kept on this phone and sent when the connection is back."), true);
    });
  }

  function voteRow(card) {
    var li = document.createElement("li");
    var title = document.createElement("span");
    title.className = "title";
    title.textContent = card.title;
    var minus = document.createElement("button");
    minus.type = "button";
    minus.textContent = "−";
    minus.setAttribute("aria-label", t("Take a dot from") + " " + card.title);
    minus.disabled = !card.my_dots;
    minus.addEventListener("click", function () { vote(card.id, card.my_dots - 1); });
    var dots = document.createElement("span");
    dots.className = "dots";
    dots.textContent = String(card.my_dots || 0);
    var plus = document.createElement("button");
    plus.type = "button";
    plus.textContent = "+";
    plus.setAttribute("aria-label", t("Add a dot to") + " " + card.title);
    plus.disabled = state.dots_left <= 0;
    plus.addEventListener("click", function () { vote(card.id, (card.my_dots || 0) + 1); });
    li.appendChild(title); li.appendChild(minus); li.appendChild(dots); li.appendChild(plus);
    return li;
  }

  function fillCategories(categories) {
    var select = $("category");
    var chosen = select.value;
    if (select.options.length === categories.length + 1) return;
    select.textContent = "";
    var none = document.createElement("option");
    none.value = "0";
    none.textContent = t("No category");
    select.appendChild(none);
    categories.forEach(function (c) {
      var option = document.createElement("option");
      option.value = String(c.id);
      option.textContent = c.name;
      select.appendChild(option);
    });
    select.value = chosen || "0";
  }

  function render(next) {
    state = next;
    $("room").hidden = false;
    $("phase").textContent = state.silent_round ? t("Silent round: your cards stay face down until the facilitator reveals them.")
                                                : t("Write one problem per card.");
    fillCategories(state.categories || []);
    var voting = !!state.voting;
    $("voting").hidden = !voting;
    if (voting) {
      $("dots-left").textContent = t("Dots left") + ": " + state.dots_left;
      var list = $("vote-list");
      list.textContent = "";
      state.cards.forEach(function (card) { list.appendChild(voteRow(card)); });
    }
    var shown = !voting && state.cards && state.cards.length > 0;
    $("cards").hidden = !shown;
    if (shown) {
      $("cards-heading").textContent = t(state.ranking ? "Ranking" : "On the board");
      var board = $("card-list");
      board.textContent = "";
      state.cards.forEach(function (card) {
        var li = document.createElement("li");
        var title = document.createElement("span");
        title.className = "title";
        title.textContent = card.title;
        li.appendChild(title);
        if (state.ranking) {
          var dots = document.createElement("span");
          dots.className = "dots";
          dots.textContent = String(card.dots || 0);
          li.appendChild(dots);
        }
        board.appendChild(li);
      });
    }
  }

  function poll() {
    if (closed) return;
    request("GET", base + "/state").then(function (answer) {
      if (answer.status === 410) return showClosed();
      if (answer.status === 200) {
        status(t("Connected to the meeting."));
        render(answer.json);
        flush();
      } else if (answer.status !== 429) {
        status(t(answer.json.error || "Something went wrong."), true);
      }
      setTimeout(poll, 1500);
    }, function () {
      status(t("No connection to the meeting. What you write is kept on this phone and sent when the connection is back."), true);
      setTimeout(poll, 2000);
    });
  }
  window.addEventListener("online", flush);
  saveOutbox();
  showMine();
  poll();
})();
