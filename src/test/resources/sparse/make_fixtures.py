#!/usr/bin/python3
"""Reference values for the org.deepmod.sparse tests, made once with scikit-learn and NumPy.

Run from this folder with Debian's packages (apt-get install python3-sklearn; sklearn 1.2.1, NumPy 1.24):

    /usr/bin/python3 make_fixtures.py /path/to/burgers-pdefind.npz

It writes, beside itself:
  sklearn_reference.json  fixed matrices and what scikit-learn computes on them (lasso path, LassoCV,
                          ridge, elastic net, ElasticNetCV); the Java tests compare against these numbers
  burgers_library.csv     the Burgers library Theta (Library1D, P = 2, D = 3, derivative the fast index) by
                          central finite differences, 2000 interior rows drawn with a fixed seed, plus u_t
The tests read only these committed files; nothing runs Python at test time.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.linear_model import ElasticNet, ElasticNetCV, LassoCV, Ridge, lasso_path
from sklearn.linear_model._coordinate_descent import _alpha_grid

TERMS = ["1", "u_x", "u_xx", "u_xxx", "u", "u*u_x", "u*u_xx", "u*u_xxx",
         "u^2", "u^2*u_x", "u^2*u_xx", "u^2*u_xxx"]


def correlated_design(rng, n, p, rho):
    """Gaussian columns with corr(x_i, x_j) = rho^|i-j|: correlated enough that CD needs many sweeps."""
    cov = rho ** np.abs(np.subtract.outer(np.arange(p), np.arange(p)))
    return rng.multivariate_normal(np.zeros(p), cov, size=n)


def regression_case(name, seed, n, p, rho, beta, noise):
    rng = np.random.default_rng(seed)
    x = correlated_design(rng, n, p, rho)
    y = x @ np.asarray(beta, dtype=float) + noise * rng.standard_normal(n)
    case = {"name": name, "x": x.tolist(), "y": y.tolist()}

    grid = _alpha_grid(x, y, l1_ratio=1.0, fit_intercept=False, eps=1e-3, n_alphas=100)
    _, coefs, _ = lasso_path(x, y, alphas=grid)  # precompute='auto': the Gram form when n > p
    case["lassoPath"] = {"alphas": grid.tolist(), "coefficients": coefs.T.tolist()}

    cv = LassoCV(cv=5, fit_intercept=False).fit(x, y)
    case["lassoCv"] = {"alphas": cv.alphas_.tolist(), "alpha": float(cv.alpha_),
                       "meanMse": cv.mse_path_.mean(axis=1).tolist(), "coefficients": cv.coef_.tolist()}

    case["ridge"] = [{"alpha": a, "coefficients": Ridge(alpha=a, fit_intercept=False).fit(x, y).coef_.tolist()}
                     for a in (0.1, 1.0, 10.0)]
    case["elasticNet"] = [
        {"alpha": a, "l1Ratio": r,
         "coefficients": ElasticNet(alpha=a, l1_ratio=r, fit_intercept=False).fit(x, y).coef_.tolist()}
        for a, r in ((0.05, 0.5), (0.01, 0.2), (0.1, 0.9))]

    enet_cv = ElasticNetCV(l1_ratio=[0.2, 0.5, 0.9], cv=5, fit_intercept=False).fit(x, y)
    case["elasticNetCv"] = {"l1Ratios": [0.2, 0.5, 0.9], "alpha": float(enet_cv.alpha_),
                            "l1Ratio": float(enet_cv.l1_ratio_), "coefficients": enet_cv.coef_.tolist()}
    return case


def burgers_library(npz_path, rows, seed):
    data = np.load(npz_path)
    x, t, u = data["x"], data["t"], data["u"]  # x along axis 0, t along axis 1
    dx, dt = x[1, 0] - x[0, 0], t[0, 1] - t[0, 0]
    # Second-order central differences on interior points (two in x for u_xxx, one in t).
    c = u[2:-2, 1:-1]
    u_t = (u[2:-2, 2:] - u[2:-2, :-2]) / (2 * dt)
    u_x = (u[3:-1, 1:-1] - u[1:-3, 1:-1]) / (2 * dx)
    u_xx = (u[3:-1, 1:-1] - 2 * c + u[1:-3, 1:-1]) / dx ** 2
    u_xxx = (u[4:, 1:-1] - 2 * u[3:-1, 1:-1] + 2 * u[1:-3, 1:-1] - u[:-4, 1:-1]) / (2 * dx ** 3)
    deriv = [np.ones_like(c), u_x, u_xx, u_xxx]
    poly = [np.ones_like(c), c, c ** 2]
    columns = [(p * d).ravel() for p in poly for d in deriv]  # derivative the fast index
    theta = np.stack(columns, axis=1)
    pick = np.random.default_rng(seed).choice(theta.shape[0], size=rows, replace=False)
    return theta[pick], u_t.ravel()[pick]


def main():
    npz = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/burgers-pdefind.npz"
    cases = [
        regression_case("correlated-63x6", seed=1, n=63, p=6, rho=0.6,
                        beta=[1.5, 0.0, -2.0, 0.0, 0.0, 0.5], noise=0.5),
        regression_case("strongly-correlated-120x8", seed=2, n=120, p=8, rho=0.9,
                        beta=[0.0, 1.0, 0.0, 0.0, -0.7, 0.0, 0.0, 0.2], noise=0.3),
    ]
    theta, u_t = burgers_library(npz, rows=2000, seed=0)
    norm_theta = theta / np.linalg.norm(theta, axis=0)
    norm_ut = u_t / np.linalg.norm(u_t)
    burgers_cv = LassoCV(cv=5, fit_intercept=False).fit(norm_theta, norm_ut)
    reference = {
        "generator": f"scikit-learn {sklearn.__version__}, NumPy {np.__version__}",
        "cases": cases,
        "burgersNormalizedLassoCv": {"alpha": float(burgers_cv.alpha_), "coefficients": burgers_cv.coef_.tolist()},
    }
    with open("sklearn_reference.json", "w") as f:
        json.dump(reference, f, indent=1)
        f.write("\n")
    header = ",".join(TERMS + ["u_t"])
    np.savetxt("burgers_library.csv", np.column_stack([theta, u_t]), delimiter=",", header=header,
               comments="", fmt="%.17g")
    lstsq = np.linalg.lstsq(theta, u_t, rcond=None)[0]
    print("least squares on the full Burgers library:", dict(zip(TERMS, np.round(lstsq, 4))))
    print("LassoCV on the normalised library:", burgers_cv.alpha_, np.round(burgers_cv.coef_, 4))


if __name__ == "__main__":
    main()
