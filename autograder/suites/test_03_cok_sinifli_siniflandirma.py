from autograder.suites import make_tests

globals().update(make_tests("03_cok_sinifli_siniflandirma"))
