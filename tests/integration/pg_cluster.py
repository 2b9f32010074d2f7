"""A throwaway PostgreSQL cluster for tests: initdb into a temporary directory (as the `postgres`
user when run as root), a free port, its unix socket in that directory, durable settings
(fsync and synchronous_commit on, as production), stopped and deleted at the end.

Used by tools/pg-cluster (the C++ storage tests and ctest start it through that script) and
imported by the python integration tests:

    with pg_cluster() as cluster:
        url = cluster.create_database("one")   # postgresql:///one?host=…&port=…&user=postgres
"""
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile

SERVER_USER = "postgres"


class PostgresMissing(RuntimeError):
    pass


def server_bindir():
    """The newest installed server's bin directory (Debian: /usr/lib/postgresql/N/bin)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda path: int(path.split("/")[4]) if path.split("/")[4].isdigit() else 0)
    if candidates:
        return os.path.dirname(candidates[-1])
    initdb = shutil.which("initdb")
    if initdb:
        return os.path.dirname(initdb)
    raise PostgresMissing("PostgreSQL server binaries (initdb, pg_ctl) not found: "
                          "install Debian's postgresql (tools/install-deps test)")


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class pg_cluster:
    def __init__(self, directory=None):
        self.bindir = server_bindir()
        self.directory = directory or tempfile.mkdtemp(prefix="sentinelle-pg-")
        self.data = os.path.join(self.directory, "data")
        self.port = None
        self.as_root = os.geteuid() == 0

    # initdb refuses to run as root: the server runs as `postgres`, which must own the directory.
    def _command(self, *args):
        command = [os.path.join(self.bindir, args[0]), *args[1:]]
        return ["runuser", "-u", SERVER_USER, "--", *command] if self.as_root else command

    def _run(self, *args):
        done = subprocess.run(self._command(*args), capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"{args[0]} failed ({done.returncode}): {done.stderr.strip()}"
                               f" {self._log_tail()}")
        return done.stdout

    def _log_tail(self):
        try:
            with open(os.path.join(self.directory, "log"), encoding="utf-8") as log:
                return log.read()[-2000:]
        except OSError:
            return ""

    def start(self):
        os.makedirs(self.directory, exist_ok=True)
        if self.as_root:
            owner = pwd.getpwnam(SERVER_USER)
            os.chown(self.directory, owner.pw_uid, owner.pw_gid)
        self._run("initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        self.port = free_port()
        settings = (f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 "
                    "-c fsync=on -c synchronous_commit=on -c max_connections=300 "
                    "-c shared_buffers=64MB")
        self._run("pg_ctl", "start", "-w", "-t", "60", "-D", self.data,
                  "-l", os.path.join(self.directory, "log"), "-o", settings)
        with open(os.path.join(self.directory, "url"), "w", encoding="utf-8") as out:
            out.write(self.url("postgres") + "\n")
        return self

    def url(self, database):
        return f"postgresql:///{database}?host={self.directory}&port={self.port}&user=postgres"

    def psql(self, sql, database="postgres"):
        return self._run("psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1",
                         "-h", self.directory, "-p", str(self.port), "-U", "postgres",
                         "-d", database, "-c", sql).strip()

    def create_database(self, name):
        self.psql(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def looks_like_ours(self):
        return (os.path.exists(os.path.join(self.data, "PG_VERSION")) or
                os.path.exists(os.path.join(self.directory, "url")))

    def stop(self):
        """Stops the server and deletes the directory, only if it holds one of our clusters."""
        if not self.looks_like_ours():
            return
        if os.path.exists(os.path.join(self.data, "postmaster.pid")):
            subprocess.run(self._command("pg_ctl", "stop", "-m", "immediate", "-w", "-D",
                                         self.data), capture_output=True)
        shutil.rmtree(self.directory, ignore_errors=True)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc):
        self.stop()
