// Says why the login page is shown again: a wrong login, too many failed logins from here, or a logout.
const params = new URLSearchParams(window.location.search);
const message = document.getElementById('message');
if (params.has('error')) {
  message.textContent = 'User or password is wrong.';
} else if (params.has('wait')) {
  message.textContent = `Too many failed logins from this address: try again in ${params.get('wait')} seconds.`;
} else if (params.has('logout')) {
  message.textContent = 'You are logged out.';
  message.className = '';
}
