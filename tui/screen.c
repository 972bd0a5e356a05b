#include "config.h"
#include "tui/screen.h"
#include "tui/term_fallback.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static bool active;
static SCREEN *scr;
static int sig_pipe[2] = {-1, -1};
static volatile sig_atomic_t got_signal;
static struct termios saved_tio;
static bool have_tio;
static char reset_seq[256];
static size_t reset_len;

static const int term_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int crash_signals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};
static struct sigaction old_term[3], old_crash[5];

static void on_term_signal(int sig)
{
	int e = errno;
	if (!got_signal)
		got_signal = sig;
	unsigned char b = (unsigned char)sig;
	if (sig_pipe[1] >= 0 && write(sig_pipe[1], &b, 1) < 0) {
		/* the pipe is full: the loop will see got_signal anyway */
	}
	errno = e;
}

static void on_crash_signal(int sig)
{
	/* async-signal-safe only: write(2), tcsetattr(3) (tcsetattr is a plain ioctl) */
	if (reset_len && write(STDOUT_FILENO, reset_seq, reset_len) < 0) {
		/* nothing more can be done */
	}
	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
	/* SA_RESETHAND restored the default action: re-raise it */
	raise(sig);
}

static void add_cap(const char *cap)
{
	const char *s = tigetstr((char *)cap);
	if (!s || s == (char *)-1)
		return;
	size_t l = strlen(s);
	if (reset_len + l < sizeof(reset_seq)) {
		memcpy(reset_seq + reset_len, s, l);
		reset_len += l;
	}
}

static void add_raw(const char *s)
{
	size_t l = strlen(s);
	if (reset_len + l < sizeof(reset_seq)) {
		memcpy(reset_seq + reset_len, s, l);
		reset_len += l;
	}
}

bool screen_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* newterm() found no description for $TERM: a static binary on a box without a terminfo
 * database. Retry with the closest description built into the binary (term_fallback.h),
 * handed to ncurses through TERMINFO for the one call, then TERMINFO is put back as it
 * was (child processes, such as a shell, see the user's environment). */
static SCREEN *newterm_builtin(void)
{
	const char *name = NULL;
	const char *data = term_fallback(getenv("TERM"), &name);
	if (!data)
		return NULL;
	const char *old = getenv("TERMINFO");
	char *saved = old ? strdup(old) : NULL;
	if (old && !saved)
		return NULL;
	SCREEN *s = NULL;
	if (setenv("TERMINFO", data, 1) == 0)
		s = newterm(name, stdout, stdin);
	if (saved)
		setenv("TERMINFO", saved, 1);
	else
		unsetenv("TERMINFO");
	free(saved);
	return s;
}

int screen_init(char *err, size_t errlen)
{
	if (active)
		return 0;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		snprintf(err, errlen, "the screen needs a terminal (use --batch for output to a pipe)");
		return -1;
	}
	have_tio = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
	if (pipe2(sig_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		snprintf(err, errlen, "pipe: %s", strerror(errno));
		return -1;
	}
	if (!(scr = newterm(NULL, stdout, stdin)) && !(scr = newterm_builtin())) {
		const char *term = getenv("TERM");
		snprintf(err, errlen, "cannot use the terminal type '%s'", term ? term : "(unset)");
		close(sig_pipe[0]);
		close(sig_pipe[1]);
		sig_pipe[0] = sig_pipe[1] = -1;
		return -1;
	}
	active = true;
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	if (has_colors()) {
		start_color();
		use_default_colors();
	}
	mouseinterval(0);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);

	/* what a crash handler writes: mouse off, attributes off, cursor on, keypad off,
	 * leave the alternate screen, newline */
	reset_len = 0;
	add_raw("\033[?1000l\033[?1002l\033[?1006l");
	add_cap("sgr0");
	add_cap("cnorm");
	add_cap("rmkx");
	add_cap("rmcup");
	add_raw("\r\n");

	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_term_signal; /* no SA_RESTART: poll() returns EINTR */
	for (size_t i = 0; i < 3; i++)
		sigaction(term_signals[i], &sa, &old_term[i]);
	sa.sa_handler = on_crash_signal;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (size_t i = 0; i < 5; i++)
		sigaction(crash_signals[i], &sa, &old_crash[i]);
	return 0;
}

void screen_end(void)
{
	if (!active)
		return;
	mousemask(0, NULL);
	curs_set(1);
	endwin();
	delscreen(scr);
	scr = NULL;
	active = false;
	for (size_t i = 0; i < 5; i++)
		sigaction(crash_signals[i], &old_crash[i], NULL);
	for (size_t i = 0; i < 3; i++)
		sigaction(term_signals[i], &old_term[i], NULL);
	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
	close(sig_pipe[0]);
	close(sig_pipe[1]);
	sig_pipe[0] = sig_pipe[1] = -1;
}

int screen_signal_fd(void)
{
	return sig_pipe[0];
}

int screen_take_signal(void)
{
	unsigned char buf[16];
	while (sig_pipe[0] >= 0 && read(sig_pipe[0], buf, sizeof(buf)) > 0)
		;
	return got_signal;
}

void screen_size(int *cols, int *lines)
{
	*cols = COLS;
	*lines = LINES;
}
