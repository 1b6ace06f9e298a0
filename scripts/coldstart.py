"""Cold-start measurement (docs/BENCHMARKS.md, "Cold start"); run through scripts/coldstart.

Starts the app N times on seeded storage, each a new process: launch -> first 200 from /api/health
(polled every 10 ms), then one POST /api/orders as a resident: launch -> its 201. Every process is
stopped by its own pid before the next one starts. Prints each start and the medians.
"""
import argparse, http.client, json, os, socket, statistics, subprocess, sys, time

ORDER = json.dumps({
    "text": "三楼楼道灯坏了一个星期了，晚上上下楼看不见，老人怕摔。", "category": "repair", "communityId": "dongqili",
    "address": "宝盛小区3号楼2单元", "contact": {"name": "李阿姨", "phone": "13805381234"},
}, ensure_ascii=False).encode()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, timeout=30):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        c.request(method, path, body=body, headers={"Content-Type": "application/json"} if body else {})
        r = c.getresponse()
        return r.status, r.read()
    finally:
        c.close()


def cpu_ms(pid):
    """User + system CPU time of the process so far (Linux /proc): less sensitive than wall time to other load."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def one_start(command, env, log):
    port = free_port()
    t0 = time.perf_counter()
    p = subprocess.Popen(command + ["--urls", f"http://127.0.0.1:{port}"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        while True:
            if p.poll() is not None:
                raise SystemExit(f"the app exited with {p.returncode}; see {log.name}")
            if time.perf_counter() - t0 > 60:
                raise SystemExit(f"no 200 from /api/health within 60 s; see {log.name}")
            try:
                status, _ = request(port, "GET", "/api/health", timeout=10)
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.01)
        served = time.perf_counter() - t0
        served_cpu = cpu_ms(p.pid)
        status, body = request(port, "POST", "/api/orders", ORDER)
        placed = time.perf_counter() - t0
        placed_cpu = cpu_ms(p.pid)
        if status != 201:
            raise SystemExit(f"POST /api/orders answered {status}: {body[:300]!r}")
        return served * 1000, placed * 1000, served_cpu, placed_cpu
    finally:
        p.terminate()
        try:
            p.wait(10)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def main():
    a = argparse.ArgumentParser()
    a.add_argument("--starts", type=int, default=7)
    a.add_argument("--log", default="artifacts/coldstart/app.log")
    a.add_argument("--label", default="")
    a.add_argument("command", nargs="+", help="how to launch the app, e.g. dotnet artifacts/app/Gongjian.Functions.dll")
    args = a.parse_args()
    env = dict(os.environ, RateLimits__Enabled="false")
    os.makedirs(os.path.dirname(args.log), exist_ok=True)
    served, placed, served_cpu, placed_cpu = [], [], [], []
    with open(args.log, "w") as log:
        for i in range(args.starts):
            s, p, sc, pc = one_start(args.command, env, log)
            served.append(s)
            placed.append(p)
            served_cpu.append(sc)
            placed_cpu.append(pc)
            print(f"  start {i + 1}: first served {s:6.0f} ms (app CPU {sc:5.0f} ms), first order placed {p:6.0f} ms (app CPU {pc:5.0f} ms)", flush=True)
            time.sleep(0.5)
    load = open("/proc/loadavg").read().split()[0] if os.path.exists("/proc/loadavg") else "?"
    print(f"{args.label or ' '.join(args.command)}: median of {args.starts}: first served {statistics.median(served):.0f} ms "
          f"(min {min(served):.0f}, max {max(served):.0f}), first order placed {statistics.median(placed):.0f} ms "
          f"(min {min(placed):.0f}, max {max(placed):.0f}); app CPU to first served {statistics.median(served_cpu):.0f} ms, "
          f"to first order {statistics.median(placed_cpu):.0f} ms; load average {load}")


if __name__ == "__main__":
    main()
