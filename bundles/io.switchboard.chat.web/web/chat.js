// The web chat page: one WebSocket to the server, JSON messages both ways. Every text from the server is put into
// the page with textContent, so markup in a message is shown, never interpreted. The conversation's token lives in
// sessionStorage, so a reload or a reconnect resumes the conversation and catches up from the last message shown.
(function () {
  'use strict';
  var body = document.body;
  var texts = body.dataset;
  var maxChars = parseInt(texts.maxChars, 10);
  var transcript = document.getElementById('transcript');
  var statusLine = document.getElementById('status');
  var noticeLine = document.getElementById('notice');
  var form = document.getElementById('composer');
  var input = document.getElementById('message');
  var email = document.getElementById('email');
  var TOKEN = 'switchboard.chat.token';
  var socket = null;
  var retry = 500;
  var lastId = 0;
  var outbox = [];

  function stored(key) {
    try { return sessionStorage.getItem(key); } catch (e) { return null; }
  }
  function store(key, value) {
    try {
      if (value === null) { sessionStorage.removeItem(key); } else { sessionStorage.setItem(key, value); }
    } catch (e) { /* storage disabled: the conversation lasts as long as the connection */ }
  }

  function notice(text) {
    noticeLine.textContent = text || '';
  }

  function senderLabel(message) {
    if (message.sender === 'customer') { return texts.senderCustomer; }
    if (message.sender === 'bot') { return texts.senderBot; }
    if (message.sender === 'agent') {
      return message.author ? texts.senderAgent + ' \u00b7 ' + message.author : texts.senderAgent;
    }
    return texts.senderSystem;
  }

  function show(message) {
    if (message.id <= lastId) { return; }
    lastId = message.id;
    var item = document.createElement('div');
    item.className = 'msg msg-' + message.sender;
    item.setAttribute('data-id', String(message.id));
    var who = document.createElement('span');
    who.className = 'who';
    who.textContent = senderLabel(message);
    var text = document.createElement('p');
    text.className = 'text';
    text.textContent = message.text;
    item.appendChild(who);
    item.appendChild(text);
    transcript.appendChild(item);
    transcript.scrollTop = transcript.scrollHeight;
  }

  function receive(event) {
    var data;
    try { data = JSON.parse(event.data); } catch (e) { return; }
    if (data.type === 'message') {
      show(data);
    } else if (data.type === 'started') {
      store(TOKEN, data.token);
    } else if (data.type === 'ended') {
      store(TOKEN, null);
      notice(data.text);
    } else if (data.type === 'notice') {
      notice(data.text);
    }
  }

  function send(payload) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(payload));
    } else {
      outbox.push(payload);
    }
  }

  function connect() {
    statusLine.textContent = texts.statusConnecting;
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + '/chat/socket?lang=' + encodeURIComponent(document.documentElement.lang));
    socket.onopen = function () {
      retry = 500;
      statusLine.textContent = texts.statusConnected;
      socket.send(JSON.stringify({ type: 'hello', token: stored(TOKEN), after: lastId }));
      while (outbox.length > 0) { socket.send(JSON.stringify(outbox.shift())); }
    };
    socket.onmessage = receive;
    socket.onclose = function (event) {
      if (event.code === 1009) { notice(texts.noticeFrameTooLarge); }
      else if (event.code === 1007) { notice(texts.noticeInvalidText); }
      else if (event.code === 1013) { notice(texts.noticeFull); }
      statusLine.textContent = texts.statusDisconnected;
      socket = null;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 15000);
    };
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (text.trim().length === 0) { notice(texts.noticeEmpty); input.focus(); return; }
    if (text.length > maxChars) { notice(texts.noticeTooLong); input.focus(); return; }
    notice('');
    send({ type: 'say', text: text, handle: email.value.trim() });
    input.value = '';
    input.focus();
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // A new page starts with lastId 0, so the server sends the whole conversation again; a reconnect only the rest.
  connect();
}());
