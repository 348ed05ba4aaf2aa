"""The app launcher's page for `make bench`."""


def bench_pages():
    return [("Apps", "/apps/"), ("Apps (filter)", "/apps/?q=systeem&categorie=zaken")]
