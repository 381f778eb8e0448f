from autograder.suites import make_tests

globals().update(make_tests("06_aktararak_ogrenme"))
