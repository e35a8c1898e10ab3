/*
 * xlshim.c - LD_PRELOAD library that answers the few hypervisor-control calls made by
 * "xl -N create" (Xen 4.17), so that xl's real config parser and JSON generator run on a
 * machine without Xen. Used only by the integration tests; never load it on a real dom0.
 *
 * Build: gcc -shared -fPIC -O2 -o xlshim.so xlshim.c
 * The physinfo layout below is the Xen 4.17 sysctl ABI: re-check it when the Xen version moves.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

static char fake_xc[4096], fake_xs[4096];

/* libxenctrl / libxenstore handles: any non-null pointer will do. */
void *xc_interface_open(void *logger, void *dombuild_logger, unsigned flags) {
    (void)logger; (void)dombuild_logger; (void)flags;
    return fake_xc;
}
int xc_interface_close(void *xch) { (void)xch; return 0; }
void *xs_open(unsigned long flags) { (void)flags; return fake_xs; }
void xs_close(void *h) { (void)h; }
void xs_daemon_close(void *h) { (void)h; }

/* A host with 8 CPUs on one NUMA node and no memory sharing. */
int xc_get_max_cpus(void *xch) { (void)xch; return 8; }
int xc_get_online_cpus(void *xch) { (void)xch; return 8; }
int xc_get_max_nodes(void *xch) { (void)xch; return 1; }
long xc_sharing_freed_pages(void *xch) { (void)xch; return 0; }
long xc_sharing_used_frames(void *xch) { (void)xch; return 0; }
long xc_memory_op(void *xch, unsigned cmd, void *arg, size_t len) {
    (void)xch; (void)cmd; (void)arg; (void)len;
    return 0;
}

/* Version queries answered like a Xen 4.17 hypervisor (XENVER_* command numbers). */
int xc_version(void *xch, int cmd, void *arg) {
    (void)xch;
    switch (cmd) {
    case 0: return (4 << 16) | 17;                  /* XENVER_version */
    case 1: memset(arg, 0, 16); return 0;           /* XENVER_extraversion */
    case 2: memset(arg, 0, 144); return 0;          /* XENVER_compile_info */
    case 3:                                         /* XENVER_capabilities */
        strcpy((char *)arg, "xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64");
        return 0;
    case 4: memset(arg, 0, 64); return 0;           /* XENVER_changeset */
    case 5: case 6: memset(arg, 0, 8); return 0;    /* XENVER_platform_parameters, get_features */
    case 7: return 4096;                            /* XENVER_pagesize */
    case 9: ((char *)arg)[0] = 0; return 0;         /* XENVER_commandline */
    default: return 0;
    }
}

/* Layout of the sysctl physinfo record in Xen 4.17. */
struct physinfo {
    uint32_t threads_per_core, cores_per_socket, nr_cpus, max_cpu_id;
    uint32_t nr_nodes, max_node_id, cpu_khz, capabilities, arch_capabilities, pad;
    uint64_t total_pages, free_pages, scrub_pages, outstanding_pages, max_mfn;
    uint32_t hw_cap[8];
};

/* 8 CPUs, 16 GiB free, capabilities hvm + pv + directio + hap + shadow. */
int xc_physinfo(void *xch, struct physinfo *p) {
    (void)xch;
    memset(p, 0, sizeof *p);
    p->threads_per_core = 1;
    p->cores_per_socket = 8;
    p->nr_cpus = 8;
    p->max_cpu_id = 7;
    p->nr_nodes = 1;
    p->cpu_khz = 2000000;
    p->capabilities = 0x1f;
    p->total_pages = p->free_pages = p->max_mfn = (16ULL << 30) / 4096;
    return 0;
}
