from autograder.suites import make_tests

globals().update(make_tests("05_ozel_veri_setleri"))
