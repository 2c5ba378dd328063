/**
 * What the back-office simulator received: the last applications and their pictures.
 * One part of the control panel's script (panel.ts joins the parts inside one function, so they
 * share its helpers: el, row, api, log). Plain script for the browser, in a string: no backticks, no `${`.
 */
export const PANEL_BACKOFFICE_SCRIPT = String.raw`  // ---- what the back-office simulator received: the last applications and their pictures ----
  var boRoot = document.getElementById('bo-apps');
  var boShown = '';
  var pictures = {};

  function picture(path, alt) {
    var img = el('img', { alt: alt, title: alt });
    if (!pictures[path]) {
      pictures[path] = fetch(path, { headers: { Authorization: 'Bearer ' + token } }).then(function (res) {
        if (!res.ok) throw new Error('HTTP ' + res.status);
        return res.blob();
      }).then(function (blob) { return URL.createObjectURL(blob); });
    }
    pictures[path].then(function (url) { img.src = url; }, function () { img.alt = alt + ' (not available)'; });
    return img;
  }

  function figure(className, child, caption) {
    return el('figure', { className: className }, [child, el('figcaption', { text: caption })]);
  }

  function verificationText(v) {
    var text = 'applicant verified by ' + v.applicant;
    if (v.guardian) text += ' · guardian (' + v.guardian.relation + ' ' + v.guardian.cardNumber + ') by ' + v.guardian.verifiedBy;
    return text;
  }

  // The fee as the back office will settle it: paid at the kiosk (the terminal's reference), to be
  // paid at a counter (office hours; sent unpaid), or none.
  function feeText(a) {
    if (a.feeAvos === 0) return 'no fee';
    var mop = 'MOP ' + (a.feeAvos / 100).toFixed(2);
    if (a.payAtCounter) return mop + ' to pay at a counter';
    return mop + ' paid' + (a.paymentReference ? ' (' + a.paymentReference + ')' : '');
  }

  function application(a) {
    var base = '/control/api/backoffice/applications/' + encodeURIComponent(a.applicationId);
    var c = a.captured;
    var head = el('div', { className: 'app-head' }, [
      el('b', { text: a.receiptNumber }), el('span', { text: '  ' + a.service + (a.withdrawal ? ' (withdrawn)' : '') + ' · ' + feeText(a) +
        (a.heightMm === null ? '' : ' · height ' + a.heightMm + ' mm') + (a.pickupPlace ? ' · pickup ' + a.pickupPlace : '') +
        (c ? ' · ' + verificationText(c.verification) : '') }),
    ]);
    if (!c) return el('div', { className: 'app' }, [head, el('div', { className: 'muted', text: 'nothing captured recorded' })]);
    var pics = [];
    if (c.photo) pics.push(figure('photo', picture(base + '/photo', 'ID photo'), 'photo · ' + c.photo.source));
    if (c.fingerprints.length) {
      var grid = el('div', { className: 'fingers' }, c.fingerprints.map(function (f) {
        var caption = f.finger + (f.status === 'captured' ? ' q' + f.quality : '');
        var shown = f.status === 'captured' ? picture(base + '/fingers/' + f.finger, f.finger) : el('div', { className: 'no-pic', text: f.status });
        return figure('finger', shown, caption);
      }));
      // Five to a row (a hand), fewer when fewer fingers came.
      grid.style.gridTemplateColumns = 'repeat(' + Math.min(c.fingerprints.length, 5) + ', 70px)';
      pics.push(grid);
    }
    if (c.signature) pics.push(figure('signature', picture(base + '/signature', 'signature'), 'signature ' + c.signature.width + '×' + c.signature.height));
    if (!pics.length) pics.push(el('div', { className: 'muted', text: 'no photo, fingerprints or signature (not needed for this service)' }));
    return el('div', { className: 'app' }, [head, el('div', { className: 'pics' }, pics)]);
  }

  function refreshBackoffice() {
    return api('/control/api/backoffice/applications').then(function (answer) {
      var text = JSON.stringify(answer.applications);
      if (text === boShown) return;
      boShown = text;
      var ids = answer.applications.map(function (a) { return a.applicationId; });
      Object.keys(pictures).forEach(function (path) {
        var id = decodeURIComponent(path.split('/')[5] || '');
        if (ids.indexOf(id) < 0) {
          pictures[path].then(function (url) { URL.revokeObjectURL(url); }, function () {});
          delete pictures[path];
        }
      });
      boRoot.textContent = '';
      if (!answer.applications.length) boRoot.appendChild(el('div', { className: 'muted', text: 'no application received yet' }));
      answer.applications.forEach(function (a) { boRoot.appendChild(application(a)); });
    }).catch(function (error) {
      boShown = '';
      boRoot.textContent = '';
      boRoot.appendChild(el('div', { className: 'muted', text: 'back office: ' + error.message }));
    });
  }

`;
