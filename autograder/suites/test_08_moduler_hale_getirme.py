from autograder.suites import make_tests

globals().update(make_tests("08_moduler_hale_getirme"))
